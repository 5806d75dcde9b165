using System.Xml.Linq;
using Crm.Bpm.Engine.Comparison;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Activities;
using Crm.Bpm.Engine.Model.Diagram;
using Crm.Bpm.Engine.Model.Events;
using Crm.Bpm.Engine.Model.Gateways;
using Crm.Bpm.Engine.Model.Processes;
using Crm.Bpm.Engine.Model.Zeebe;
using Crm.Bpm.Engine.Xml;

namespace Crm.Bpm.Engine.Tests.Xml;

/// <summary>Camunda 8 extension elements read into typed values, written back exactly, with unknown parts kept verbatim.</summary>
public sealed class ZeebeExtensionTests
{
    private static readonly XNamespace Zeebe = BpmnNamespaces.Zeebe;

    private static readonly BpmnDefinitions Orders = BpmnTestFiles.ParseClean(BpmnTestFiles.Zeebe("service-and-call.bpmn"));

    private static readonly BpmnDefinitions Leads = BpmnTestFiles.ParseClean(BpmnTestFiles.Zeebe("user-tasks-and-forms.bpmn"));

    private static T Element<T>(BpmnDefinitions model, string id)
        where T : BaseElement
    {
        var element = model.Index.Find<T>(id);
        element.Should().NotBeNull($"the fixture declares {typeof(T).Name} {id}");
        return element!;
    }

    [Fact]
    public void ServiceTask_ReadsTaskDefinitionIoMappingHeadersAndLinkedResources()
    {
        var task = Element<ServiceTask>(Orders, "CheckStock");

        task.Extension<ZeebeTaskDefinition>().Should().BeEquivalentTo(new { Type = "stock-check", Retries = "5" });
        var io = task.Extension<ZeebeIoMapping>()!;
        io.Inputs.Select(i => (i.Source, i.Target)).Should().Equal(("=order.lines", "lines"), ("=\"EU\"", "region"));
        io.Outputs.Select(o => (o.Source, o.Target)).Should().Equal(("=response.body.available", "inStock"));
        task.Extension<ZeebeTaskHeaders>()!.Headers.Select(h => (h.Key, h.Value)).Should().Equal(("method", "GET"), ("url", "https://warehouse.example/stock"));
        task.Extension<ZeebeLinkedResources>()!.Resources.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { ResourceId = "stock-script", ResourceType = "RPA", LinkName = "script", BindingType = "versionTag", VersionTag = "v3" });
        task.Documentation.Should().ContainSingle().Which.Text.Should().Be("Asks the warehouse service for the stock of every line.");
    }

    [Fact]
    public void Process_ReadsVersionTagExecutionListenersAndProperties()
    {
        var process = Orders.Processes.Single();

        process.VersionTag.Should().Be("v2.1");
        process.IsExecutable.Should().BeTrue();
        process.Extension<ZeebeExecutionListeners>()!.Listeners.Select(l => (l.EventType, l.Type, l.Retries))
            .Should().Equal(("start", "audit-process-start", "3"), ("end", "audit-process-end", "=retryCount"));
        process.Extension<ZeebeProperties>()!.Properties.Select(p => (p.Name, p.Value)).Should().Equal(("owner", "sales-ops"), ("sla", "PT4H"));
        Element<ExclusiveGateway>(Orders, "InStock").Extension<ZeebeExecutionListeners>()!.Listeners.Should().ContainSingle().Which.Type.Should().Be("gateway-audit");
    }

    [Fact]
    public void ScriptBusinessRuleAndCallActivity_ReadTheirZeebeTargets()
    {
        Element<ScriptTask>(Orders, "ComputeTotal").Extension<ZeebeScript>().Should().BeEquivalentTo(new { Expression = "=sum(order.lines.amount)", ResultVariable = "total" });
        Element<BusinessRuleTask>(Orders, "DecideCarrier").Extension<ZeebeCalledDecision>().Should().BeEquivalentTo(
            new { DecisionId = "carrier-routing", ResultVariable = "carrier", BindingType = "versionTag", VersionTag = "2024-10" });
        Element<CallActivity>(Orders, "ShipOrder").Extension<ZeebeCalledElement>().Should().BeEquivalentTo(new ZeebeCalledElement
        {
            ProcessId = "=carrier.processId",
            PropagateAllChildVariables = false,
            PropagateAllParentVariables = true,
            BindingType = "deployment",
        }, o => o.Excluding(e => e.Position));
    }

    [Fact]
    public void MultiInstance_ReadsZeebeLoopCharacteristicsAndCompletionCondition()
    {
        var loop = Element<SendTask>(Orders, "NotifyLines").LoopCharacteristics.Should().BeOfType<MultiInstanceLoopCharacteristics>().Subject;

        loop.IsSequential.Should().BeTrue();
        loop.Zeebe.Should().BeEquivalentTo(new { InputCollection = "=order.lines", InputElement = "line", OutputCollection = "results", OutputElement = "=line.status" });
        loop.CompletionCondition!.FeelText.Should().Be("count(results) = 3");
        loop.CompletionCondition.XsiType.Should().Be("bpmn:tFormalExpression");
    }

    [Fact]
    public void MessagesAndEvents_ReadSubscriptionsTimersAndEscalations()
    {
        Element<Message>(Orders, "Message_Order").Extension<ZeebeSubscription>()!.CorrelationKey.Should().Be("=order.id");
        Element<ReceiveTask>(Orders, "WaitForDelivery").MessageRef.Should().Be("Message_Delivered");
        var timeout = Element<BoundaryEvent>(Orders, "DeliveryTimeout");
        timeout.AttachedToRef.Should().Be("WaitForDelivery");
        timeout.CancelActivity.Should().BeFalse();
        timeout.EventDefinitions.Should().ContainSingle().Which.Should().BeOfType<TimerEventDefinition>().Which.TimeDuration!.Text.Should().Be("P3D");
        Element<EndEvent>(Orders, "Reminded").EventDefinitions.Single().Should().BeOfType<EscalationEventDefinition>().Which.EscalationRef.Should().Be("Escalation_Late");
        Element<Escalation>(Orders, "Escalation_Late").EscalationCode.Should().Be("LATE");
        Element<SequenceFlow>(Orders, "Flow_Ship").ConditionExpression!.FeelText.Should().Be("inStock = true");
        Element<ExclusiveGateway>(Orders, "InStock").DefaultRef.Should().Be("Flow_Backorder");
        Element<StartEvent>(Orders, "OrderReceived").Extension<ZeebeIoMapping>()!.Outputs.Single().Target.Should().Be("orderId");
    }

    [Fact]
    public void UserTask_ReadsAssignmentScheduleFormPriorityAndTaskListeners()
    {
        var task = Element<UserTask>(Leads, "QualifyLead");

        task.Extension<ZeebeUserTask>().Should().NotBeNull();
        task.Extension<ZeebeFormDefinition>().Should().BeEquivalentTo(new { FormId = "qualify", BindingType = "versionTag", VersionTag = "v4", FormKey = (string?)null });
        task.Extension<ZeebeAssignmentDefinition>().Should().BeEquivalentTo(new { Assignee = "=lead.owner", CandidateGroups = "sales, presales", CandidateUsers = "=[\"ann\", \"bob\"]" });
        task.Extension<ZeebeTaskSchedule>().Should().BeEquivalentTo(new { DueDate = "=now() + duration(\"P2D\")", FollowUpDate = "2025-01-15T09:00:00Z" });
        task.Extension<ZeebePriorityDefinition>()!.Priority.Should().Be("=if lead.hot then 80 else 50");
        task.Extension<ZeebeTaskListeners>()!.Listeners.Select(l => (l.EventType, l.Type, l.Retries))
            .Should().Equal(("creating", "assign-by-region", "3"), ("completing", "check-budget", null));
        Element<UserTask>(Leads, "ReviewLead").Extension<ZeebeFormDefinition>()!.FormKey.Should().Be("camunda-forms:bpmn:QualifyForm");
        Element<UserTask>(Leads, "CallReferences").Extension<ZeebeFormDefinition>()!.ExternalReference.Should().Be("https://forms.example/references");
    }

    [Fact]
    public void Process_ReadsEmbeddedFormAndAdHocSubProcess()
    {
        var form = Leads.Processes.Single().Extension<ZeebeUserTaskForm>()!;
        form.Id.Should().Be("QualifyForm");
        form.Body.Should().StartWith("{\"components\":[{\"key\":\"budget\"");

        var research = Element<AdHocSubProcess>(Leads, "Research");
        research.Extension<ZeebeAdHoc>().Should().BeEquivalentTo(new { ActiveElementsCollection = "=activities", OutputCollection = "findings", OutputElement = "=finding" });
        research.FlowElements.Select(e => e.Id).Should().Equal("CallReferences", "VisitSite");
        Leads.Index.ContainerOf("VisitSite").Should().BeSameAs(research);
    }

    [Theory]
    [InlineData("service-and-call.bpmn")]
    [InlineData("user-tasks-and-forms.bpmn")]
    public void ZeebeFixture_WrittenAndParsedAgain_IsUnchanged(string file)
    {
        var model = BpmnTestFiles.ParseClean(BpmnTestFiles.Zeebe(file));

        var again = BpmnTestFiles.WriteAndReparse(model, out _);

        BpmnComparer.Compare(model, again).Should().BeEmpty();
    }

    [Theory]
    [InlineData("service-and-call.bpmn")]
    [InlineData("user-tasks-and-forms.bpmn")]
    public void ZeebeFixture_WrittenXml_HasEveryZeebeElementAndAttributeOfTheSource(string file)
    {
        var path = BpmnTestFiles.Zeebe(file);
        var model = BpmnTestFiles.ParseClean(path);

        var written = XDocument.Parse(BpmnWriter.WriteString(model));

        ZeebeParts(written).Should().Equal(ZeebeParts(XDocument.Load(path)));
    }

    [Fact]
    public void UnknownExtensionsAndForeignAttributes_AreKeptAndWrittenBackVerbatim()
    {
        var process = Orders.Processes.Single();
        var trigger = process.ExtensionElements!.Unknown.Should().ContainSingle().Subject.Element;
        trigger.Name.Should().Be(XName.Get("recordTrigger", BpmnNamespaces.Crm));
        trigger.Attribute("entity")!.Value.Should().Be("Order");

        var task = Element<ServiceTask>(Orders, "CheckStock");
        task.ForeignAttributes.Select(a => (a.Name.LocalName, a.Value)).Should().Contain([("modelerTemplate", "io.camunda.connectors.HttpJson.v2"), ("costCenter", "4711")]);
        task.ExtensionElements!.Unknown.Single().Element.Element(XName.Get("note", "http://acme.example/schema/1.0"))!.Value.Should().Be("kept verbatim");
        var shape = Orders.Index.DiagramElementsOf("CheckStock").OfType<BpmnShape>().Single();
        shape.ForeignAttributes.Select(a => (a.Name.LocalName, a.Value)).Should().Equal(("stroke", "#205022"), ("fill", "#c8e6c9"), ("background-color", "#c8e6c9"), ("border-color", "#205022"));

        var written = BpmnWriter.WriteString(Orders);

        written.Should().Contain("<crm:recordTrigger entity=\"Order\" on=\"created\" />")
            .And.Contain("<acme:retryPolicy backoff=\"PT10S\">")
            .And.Contain("zeebe:modelerTemplate=\"io.camunda.connectors.HttpJson.v2\"")
            .And.Contain("acme:costCenter=\"4711\"")
            .And.Contain("bioc:stroke=\"#205022\" bioc:fill=\"#c8e6c9\" color:background-color=\"#c8e6c9\" color:border-color=\"#205022\"");
    }

    /// <summary>Each zeebe-namespace element as its path of local names plus its attributes and text, in document order.</summary>
    private static List<string> ZeebeParts(XDocument document) =>
        document.Descendants()
            .Where(e => e.Name.Namespace == Zeebe)
            .Select(e => string.Join("/", e.AncestorsAndSelf().Reverse().Select(a => a.Attribute("id")?.Value ?? a.Name.LocalName)) +
                " " + string.Join(" ", e.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString(), StringComparer.Ordinal).Select(a => $"{a.Name.LocalName}={a.Value}")) +
                (e.HasElements ? "" : " text=" + e.Value))
            .ToList();
}
