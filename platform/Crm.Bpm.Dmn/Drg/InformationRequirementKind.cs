namespace Crm.Bpm.Dmn.Drg;

/// <summary>What an information requirement points at.</summary>
public enum InformationRequirementKind
{
    Decision,
    InputData,
}
