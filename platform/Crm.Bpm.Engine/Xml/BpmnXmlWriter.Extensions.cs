using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Zeebe;

namespace Crm.Bpm.Engine.Xml;

/// <summary>Extension elements: typed Zeebe elements in Camunda Modeler's attribute order, unknown ones verbatim.</summary>
internal sealed partial class BpmnXmlWriter
{
    private void ZeebeStart(string local) => _w.WriteStartElement(null, local, BpmnNamespaces.Zeebe);

    private void WriteExtension(ExtensionElement item)
    {
        if (item is UnknownExtensionElement unknown)
        {
            WriteVerbatim(unknown.Element);
            return;
        }

        ZeebeStart(item.XmlName.LocalName);
        switch (item)
        {
            case ZeebeTaskDefinition x:
                Attr("type", x.Type);
                Attr("retries", x.Retries);
                break;
            case ZeebeAssignmentDefinition x:
                Attr("assignee", x.Assignee);
                Attr("candidateGroups", x.CandidateGroups);
                Attr("candidateUsers", x.CandidateUsers);
                break;
            case ZeebeTaskSchedule x:
                Attr("dueDate", x.DueDate);
                Attr("followUpDate", x.FollowUpDate);
                break;
            case ZeebePriorityDefinition x:
                Attr("priority", x.Priority);
                break;
            case ZeebeFormDefinition x:
                Attr("formKey", x.FormKey);
                Attr("formId", x.FormId);
                Attr("externalReference", x.ExternalReference);
                Attr("bindingType", x.BindingType);
                Attr("versionTag", x.VersionTag);
                break;
            case ZeebeUserTaskForm x:
                Attr("id", x.Id);
                break;
            case ZeebeCalledElement x:
                Attr("processId", x.ProcessId);
                Attr("propagateAllChildVariables", x.PropagateAllChildVariables);
                Attr("propagateAllParentVariables", x.PropagateAllParentVariables);
                Attr("bindingType", x.BindingType);
                Attr("versionTag", x.VersionTag);
                break;
            case ZeebeCalledDecision x:
                Attr("decisionId", x.DecisionId);
                Attr("resultVariable", x.ResultVariable);
                Attr("bindingType", x.BindingType);
                Attr("versionTag", x.VersionTag);
                break;
            case ZeebeScript x:
                Attr("expression", x.Expression);
                Attr("resultVariable", x.ResultVariable);
                break;
            case ZeebeSubscription x:
                Attr("correlationKey", x.CorrelationKey);
                break;
            case ZeebeLoopCharacteristics x:
                Attr("inputCollection", x.InputCollection);
                Attr("inputElement", x.InputElement);
                Attr("outputCollection", x.OutputCollection);
                Attr("outputElement", x.OutputElement);
                break;
            case ZeebeVersionTag x:
                Attr("value", x.Value);
                break;
            case ZeebeAdHoc x:
                Attr("activeElementsCollection", x.ActiveElementsCollection);
                Attr("outputCollection", x.OutputCollection);
                Attr("outputElement", x.OutputElement);
                break;
        }

        WriteForeign(item.OtherAttributes);
        switch (item)
        {
            case ZeebeUserTaskForm form when form.Body is not null:
                _w.WriteString(form.Body);
                break;
            case ZeebeIoMapping mapping:
                WriteMappings("input", mapping.Inputs);
                WriteMappings("output", mapping.Outputs);
                break;
            case ZeebeTaskHeaders headers:
                foreach (var header in headers.Headers)
                {
                    ZeebeStart("header");
                    Attr("key", header.Key);
                    Attr("value", header.Value);
                    WriteForeign(header.OtherAttributes);
                    End();
                }

                break;
            case ZeebeProperties properties:
                foreach (var property in properties.Properties)
                {
                    ZeebeStart("property");
                    Attr("name", property.Name);
                    Attr("value", property.Value);
                    WriteForeign(property.OtherAttributes);
                    End();
                }

                break;
            case ZeebeExecutionListeners listeners:
                WriteListeners("executionListener", listeners.Listeners);
                break;
            case ZeebeTaskListeners listeners:
                WriteListeners("taskListener", listeners.Listeners);
                break;
            case ZeebeLinkedResources resources:
                foreach (var resource in resources.Resources)
                {
                    ZeebeStart("linkedResource");
                    Attr("resourceId", resource.ResourceId);
                    Attr("resourceType", resource.ResourceType);
                    Attr("linkName", resource.LinkName);
                    Attr("bindingType", resource.BindingType);
                    Attr("versionTag", resource.VersionTag);
                    WriteForeign(resource.OtherAttributes);
                    End();
                }

                break;
        }

        foreach (var child in item.OtherChildren)
        {
            WriteVerbatim(child);
        }

        End();
    }

    private void WriteMappings(string local, IReadOnlyList<ZeebeMapping> mappings)
    {
        foreach (var mapping in mappings)
        {
            ZeebeStart(local);
            Attr("source", mapping.Source);
            Attr("target", mapping.Target);
            WriteForeign(mapping.OtherAttributes);
            End();
        }
    }

    private void WriteListeners(string local, IReadOnlyList<ZeebeListener> listeners)
    {
        foreach (var listener in listeners)
        {
            ZeebeStart(local);
            Attr("eventType", listener.EventType);
            Attr("type", listener.Type);
            Attr("retries", listener.Retries);
            WriteForeign(listener.OtherAttributes);
            End();
        }
    }
}
