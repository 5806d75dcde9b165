using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Incidents;
using Crm.Bpm.Engine.Runtime.Instances;
using Crm.Bpm.Engine.Runtime.Variables;

namespace Crm.Bpm.Engine.Runtime.Execution;

internal sealed partial class Executor
{
    /// <summary>BPMN 2.0.2 §13.3.7 with Camunda 8's input collection: evaluates the collection and starts one inner instance per item (all at once, or one after another).</summary>
    private void ActivateMultiInstanceBody(ProcessInstance instance, ElementInstance body)
    {
        var node = body.Node;
        var spec = node.MultiInstance!;
        if (node.Boundaries.Length > 0 && NeedsBoundaries(node) && !OpenBoundaries(instance, body))
        {
            return;
        }

        if (spec.InputCollection is { } collection)
        {
            var result = collection.Evaluate(_lookup.Reset(body));
            if (!result.Succeeded || result.Value.ValueKind != JsonValueKind.Array)
            {
                RaiseIncident(instance, body, IncidentType.ExtractValueError, result.Succeeded
                    ? $"Expected the input collection {collection} of '{node.Id}' to be a list, but it was {Describe(result)}."
                    : $"The input collection {collection} of '{node.Id}' failed: {result.Error}");
                return;
            }

            body.Items = result.Value;
            body.ItemCount = result.Value.GetArrayLength();
        }
        else
        {
            var result = spec.LoopCardinality!.Evaluate(_lookup.Reset(body));
            if (!result.Succeeded || !JsonValues.TryGetInt64(result.Value, out var count) || count < 0 || count > int.MaxValue)
            {
                RaiseIncident(instance, body, IncidentType.ExtractValueError, $"The loop cardinality {spec.LoopCardinality} of '{node.Id}' must be a non-negative whole number{(result.Succeeded ? $", not {Describe(result)}" : ": " + result.Error)}.");
                return;
            }

            body.ItemCount = (int)count;
        }

        body.State = ElementState.Active;
        if (spec.OutputCollection is { } output)
        {
            SetLocal(body, output, JsonValues.Array(Enumerable.Repeat(JsonValues.Null, body.ItemCount)));
        }

        if (body.ItemCount == 0)
        {
            CompleteElement(instance, body);
        }
        else if (spec.IsSequential)
        {
            EnqueueInner(instance, body, 0);
        }
        else
        {
            for (var i = 0; i < body.ItemCount; i++)
            {
                EnqueueInner(instance, body, i);
            }
        }
    }

    /// <summary>Gives an inner instance its <c>loopCounter</c> and input element.</summary>
    private static void SetInnerVariables(ElementInstance inner)
    {
        var body = inner.Parent!;
        SetLocal(inner, "loopCounter", JsonValues.Number(inner.LoopIndex + 1));
        if (body.Role == ElementRole.MultiInstanceBody && body.Node.MultiInstance!.InputElement is { } name)
        {
            SetLocal(inner, name, body.Items.ValueKind == JsonValueKind.Array ? body.Items[inner.LoopIndex] : JsonValues.Null);
        }
    }

    /// <summary>Puts an inner instance's output element into the body's output collection and checks the completion condition; false after raising an incident.</summary>
    private bool CollectInnerOutput(ProcessInstance instance, ElementInstance inner, out bool conditionMet)
    {
        conditionMet = false;
        var body = inner.Parent!;
        if (body.Role != ElementRole.MultiInstanceBody)
        {
            return true;
        }

        var spec = body.Node.MultiInstance!;
        JsonElement element = default;
        if (spec.OutputElement is { } outputElement)
        {
            var result = outputElement.Evaluate(_lookup.Reset(inner));
            if (!result.Succeeded)
            {
                RaiseIncident(instance, inner, IncidentType.ExtractValueError, $"The output element {outputElement} of '{body.Node.Id}' failed: {result.Error}");
                return false;
            }

            element = result.Value;
        }

        if (spec.CompletionCondition is { } condition)
        {
            // Camunda 8: the condition sees the inner instance's variables and the body's counters.
            SetLocal(body, "numberOfInstances", JsonValues.Number(body.ItemCount));
            SetLocal(body, "numberOfActiveInstances", JsonValues.Number(body.Tokens - 1));
            SetLocal(body, "numberOfCompletedInstances", JsonValues.Number(body.CompletedCount + 1));
            SetLocal(body, "numberOfTerminatedInstances", JsonValues.Number(body.TerminatedCount));
            if (spec.OutputCollection is { } name && spec.OutputElement is not null)
            {
                SetLocal(body, name, ReplaceItem(body.LocalVariables![name], inner.LoopIndex, element));
            }

            var result = condition.Evaluate(_lookup.Reset(inner));
            if (!result.Succeeded || result.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                RaiseIncident(instance, inner, IncidentType.ConditionError, result.Succeeded
                    ? $"Expected the completion condition {condition} of '{body.Node.Id}' to be true or false, but it was {Describe(result)}."
                    : $"The completion condition {condition} of '{body.Node.Id}' failed: {result.Error}");
                return false;
            }

            conditionMet = result.Value.ValueKind == JsonValueKind.True;
        }
        else if (spec.OutputCollection is { } name && spec.OutputElement is not null)
        {
            SetLocal(body, name, ReplaceItem(body.LocalVariables![name], inner.LoopIndex, element));
        }

        return true;
    }

    private static JsonElement ReplaceItem(JsonElement array, int index, JsonElement item)
    {
        var items = new List<JsonElement>(array.GetArrayLength());
        var i = 0;
        foreach (var existing in array.EnumerateArray())
        {
            items.Add(i++ == index ? item : existing);
        }

        return JsonValues.Array(items);
    }

    /// <summary>An inner instance completed: start the next one, or complete the body when all are done or the completion condition held.</summary>
    private void InnerCompleted(ProcessInstance instance, ElementInstance body, bool conditionMet)
    {
        body.Tokens--;
        body.CompletedCount++;
        if (body.Role == ElementRole.LoopBody)
        {
            ContinueLoop(instance, body);
            return;
        }

        if (conditionMet)
        {
            body.TerminatedCount += TerminateChildren(instance, body, except: null);
            body.Tokens = 0;
            CompleteElement(instance, body);
            return;
        }

        if (body.Node.MultiInstance!.IsSequential && body.LoopIndex < body.ItemCount)
        {
            EnqueueInner(instance, body, body.LoopIndex);
        }
        else if (body.Tokens == 0)
        {
            CompleteElement(instance, body);
        }
    }

    /// <summary>BPMN 2.0.2 §13.3.6 standard loop: runs the activity again while the loop condition holds, up to the loop maximum.</summary>
    private void ActivateLoopBody(ProcessInstance instance, ElementInstance body)
    {
        var node = body.Node;
        if (node.Boundaries.Length > 0 && NeedsBoundaries(node) && !OpenBoundaries(instance, body))
        {
            return;
        }

        body.State = ElementState.Active;
        if (node.Loop!.TestBefore)
        {
            ContinueLoop(instance, body);
        }
        else
        {
            EnqueueInner(instance, body, 0);
        }
    }

    private void ContinueLoop(ProcessInstance instance, ElementInstance body)
    {
        var spec = body.Node.Loop!;
        if (spec.LoopMaximum is { } maximum && body.CompletedCount >= maximum)
        {
            CompleteElement(instance, body);
            return;
        }

        var again = true;
        if (spec.Condition is { } condition)
        {
            var result = condition.Evaluate(_lookup.Reset(body));
            if (!result.Succeeded || result.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                RaiseIncident(instance, body, IncidentType.ConditionError, result.Succeeded
                    ? $"Expected the loop condition {condition} of '{body.Node.Id}' to be true or false, but it was {Describe(result)}."
                    : $"The loop condition {condition} of '{body.Node.Id}' failed: {result.Error}");
                return;
            }

            again = result.Value.ValueKind == JsonValueKind.True;
        }
        else if (!spec.TestBefore && spec.LoopMaximum is null)
        {
            // Without a condition or a maximum the loop would never end; run the activity once.
            again = false;
        }

        if (again)
        {
            EnqueueInner(instance, body, body.CompletedCount);
        }
        else
        {
            CompleteElement(instance, body);
        }
    }
}
