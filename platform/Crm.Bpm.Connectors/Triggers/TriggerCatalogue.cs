using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Entities.Records;

namespace Crm.Bpm.Connectors.Triggers;

/// <summary>The record triggers of the latest version of every deployed process, read from the definitions' stored BPMN sources.</summary>
/// <remarks>
/// A definition's source is parsed once (cached by definition key). Only the latest version of each process
/// triggers, as a new version replaces the previous version's start events. The catalogue reads definitions through
/// a store of its own, since engine stores serve one thread at a time.
/// </remarks>
public sealed class TriggerCatalogue
{
    private readonly Func<IEnumerable<ProcessDefinitionRecord>> _definitions;
    private readonly Dictionary<long, IReadOnlyList<RecordTrigger>> _parsed = [];
    private IReadOnlyList<RecordTrigger> _triggers = [];

    /// <param name="definitions">Lists the deployed definitions (for example <c>store.Definitions</c> of a store used by nobody else at the same time).</param>
    public TriggerCatalogue(Func<IEnumerable<ProcessDefinitionRecord>> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        _definitions = definitions;
    }

    /// <summary>Every trigger of the latest versions, as of the last <see cref="Refresh"/>.</summary>
    public IReadOnlyList<RecordTrigger> Triggers => _triggers;

    /// <summary>Reads the deployed definitions again, parsing only those not seen before.</summary>
    public void Refresh()
    {
        var latest = _definitions()
            .GroupBy(d => d.BpmnProcessId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(d => d.Version)!)
            .OrderBy(d => d.BpmnProcessId, StringComparer.Ordinal)
            .ToList();
        var triggers = new List<RecordTrigger>();
        foreach (var definition in latest)
        {
            if (!_parsed.TryGetValue(definition.Key, out var found))
            {
                found = definition.Source is null ? [] : RecordTriggerReader.Read(definition.Source, definition.BpmnProcessId, definition.Version);
                _parsed[definition.Key] = found;
            }

            triggers.AddRange(found);
        }

        _triggers = triggers;
    }

    /// <summary>The triggers for changes of that kind to records of that entity.</summary>
    public IEnumerable<RecordTrigger> For(string entity, RecordChangeKind kind) =>
        _triggers.Where(t => t.On == kind && string.Equals(t.Entity, entity, StringComparison.Ordinal));
}
