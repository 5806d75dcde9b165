namespace Crm.Bpm.Entities.Records;

/// <summary>A record's normalised values for one duplicate rule, joined into one key; equal keys mean duplicates.</summary>
public sealed record DuplicateKey(string Rule, string Key);
