using System.Xml.Linq;
using Crm.Bpm.Engine.Model.Activities;
using Crm.Bpm.Engine.Model.Events;
using Crm.Bpm.Engine.Model.Processes;
using Crm.Bpm.Engine.Xml;
using Crm.Bpm.Entities.Records;
using Crm.Bpm.Feel;

namespace Crm.Bpm.Connectors.Triggers;

/// <summary>Finds the <c>crm:recordTrigger</c> elements of a BPMN file (docs/crm-extensions.md), kept verbatim by the parser among the unknown extension elements.</summary>
public static class RecordTriggerReader
{
    /// <summary>The CRM extension namespace.</summary>
    public static readonly XNamespace Namespace = "urn:crm-bpm:1.0";

    private static readonly XName TriggerName = Namespace + "recordTrigger";

    /// <summary>The triggers of the process <paramref name="bpmnProcessId"/> in a BPMN source, for its deployed <paramref name="version"/>.</summary>
    public static IReadOnlyList<RecordTrigger> Read(string source, string bpmnProcessId, int version)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parsed = BpmnParser.ParseString(source);
        var process = parsed.Definitions?.Processes.FirstOrDefault(p => p.Id == bpmnProcessId);
        if (process is null)
        {
            return [];
        }

        var messages = parsed.Definitions!.RootElements.OfType<Message>().Where(m => m.Id is not null).ToDictionary(m => m.Id!, m => m.Name ?? m.Id!, StringComparer.Ordinal);
        var triggers = new List<RecordTrigger>();
        Walk(process, bpmnProcessId, version, messages, triggers, topLevel: true);
        return triggers;
    }

    private static void Walk(IFlowElementsContainer container, string processId, int version, Dictionary<string, string> messages, List<RecordTrigger> triggers, bool topLevel)
    {
        foreach (var element in container.FlowElements)
        {
            if (element.ExtensionElements is { } extensions)
            {
                foreach (var unknown in extensions.Unknown.Where(u => u.XmlName == TriggerName))
                {
                    triggers.Add(Trigger(unknown.Element, element, processId, version, messages, topLevel));
                }
            }

            if (element is SubProcess sub)
            {
                Walk(sub, processId, version, messages, triggers, topLevel: false);
            }
        }
    }

    private static RecordTrigger Trigger(XElement xml, FlowElement element, string processId, int version, Dictionary<string, string> messages, bool topLevel)
    {
        var problems = new List<string>();
        var entity = ((string?)xml.Attribute("entity"))?.Trim() ?? string.Empty;
        if (entity.Length == 0)
        {
            problems.Add("the attribute 'entity' is missing");
        }

        var onText = ((string?)xml.Attribute("on"))?.Trim() ?? string.Empty;
        var on = onText switch
        {
            "created" => RecordChangeKind.Created,
            "updated" => RecordChangeKind.Updated,
            "deleted" => RecordChangeKind.Deleted,
            _ => (RecordChangeKind?)null,
        };
        if (on is null)
        {
            problems.Add($"'on' must be created, updated or deleted, not '{onText}'");
        }

        var fields = ((string?)xml.Attribute("fields") ?? string.Empty)
            .Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.Ordinal);
        var condition = Compile(xml, "condition", problems);
        var correlationKey = Compile(xml, "correlationKey", problems);

        var messageRef = element switch
        {
            CatchEvent catchEvent => catchEvent.EventDefinitions.OfType<MessageEventDefinition>().FirstOrDefault()?.MessageRef,
            ReceiveTask receive => receive.MessageRef,
            _ => null,
        };
        string? messageName = null;
        var isStart = element is StartEvent && topLevel;
        if (!isStart)
        {
            if (messageRef is null || !messages.TryGetValue(messageRef, out messageName))
            {
                problems.Add("a trigger on a catch event, receive task or boundary event needs the element's message (messageRef to a bpmn:message)");
                messageName = messageRef ?? string.Empty;
            }

            if (correlationKey is null)
            {
                problems.Add("a trigger that correlates a message needs a 'correlationKey' expression");
            }
        }
        else if (element is StartEvent start && start.EventDefinitions.Any(d => d is not MessageEventDefinition))
        {
            problems.Add("a trigger on a start event needs a none or message start event");
        }

        var isNoneStart = isStart && ((StartEvent)element).EventDefinitions.Count == 0;
        var problem = problems.Count == 0 ? null : $"The crm:recordTrigger on '{element.Id}' of process '{processId}' is wrong: {string.Join("; ", problems)}.";
        return new RecordTrigger($"{processId}/{element.Id}", processId, version, element.Id ?? string.Empty, isNoneStart, isStart ? null : messageName,
            entity, on ?? RecordChangeKind.Created, fields, condition, correlationKey, problem);
    }

    private static FeelExpression? Compile(XElement xml, string attribute, List<string> problems)
    {
        var text = (string?)xml.Attribute(attribute);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var compiled = FeelCompiler.CompileZeebeValue(FeelCompiler.IsZeebeExpression(text) ? text : "=" + text);
        if (!compiled.Succeeded)
        {
            problems.Add($"{attribute} '{text}' is not valid FEEL ({string.Join("; ", compiled.Diagnostics.Select(d => d.Message))})");
            return null;
        }

        return compiled.Value;
    }
}
