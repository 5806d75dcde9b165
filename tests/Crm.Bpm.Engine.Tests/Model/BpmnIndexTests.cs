using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Activities;
using Crm.Bpm.Engine.Model.Diagram;
using Crm.Bpm.Engine.Model.Events;
using Crm.Bpm.Engine.Model.Zeebe;
using Crm.Bpm.Engine.Tests.Xml;

namespace Crm.Bpm.Engine.Tests.Model;

/// <summary>The index resolves raw reference ids, tells which scope owns an element, and lists flows, boundary events and shapes.</summary>
public sealed class BpmnIndexTests
{
    private static readonly BpmnDefinitions Leads = BpmnTestFiles.ParseClean(BpmnTestFiles.Zeebe("user-tasks-and-forms.bpmn"));

    private static readonly BpmnDefinitions Orders = BpmnTestFiles.ParseClean(BpmnTestFiles.Zeebe("service-and-call.bpmn"));

    [Fact]
    public void ElementsInsideAnEventSubProcess_BelongToItsScope_AndTheProcess()
    {
        var eventSubProcess = Leads.Index.Find<SubProcess>("LeadWithdrawn")!;

        eventSubProcess.TriggeredByEvent.Should().BeTrue();
        Leads.Index.ContainerOf("Flow_6").Should().BeSameAs(eventSubProcess);
        Leads.Index.ContainerOf("LeadWithdrawn").Should().BeSameAs(Leads.Processes.Single());
        Leads.Index.ProcessOf("WithdrawnEnd").Should().BeSameAs(Leads.Processes.Single());
        Leads.Index.Find<StartEvent>("WithdrawnSignal")!.IsInterrupting.Should().BeFalse();
        Leads.Index.ContainerOf("Participant_Sales").Should().BeNull("a pool is not a flow element");
    }

    [Fact]
    public void Flows_AreListedByTheirOwnSourceAndTargetRefs()
    {
        Orders.Index.OutgoingFlows("InStock").Select(f => f.Id).Should().Equal("Flow_Ship", "Flow_Backorder");
        Orders.Index.IncomingFlows("Shipped").Select(f => f.SourceRef).Should().Equal("WaitForDelivery");
        Orders.Index.BoundaryEventsOf("WaitForDelivery").Select(b => b.Id).Should().Equal("DeliveryTimeout");
        Orders.Index.OutgoingFlows("NoSuchNode").Should().BeEmpty();
    }

    [Fact]
    public void References_ResolveByIdOrQName_AndDanglingOnesDoNot()
    {
        Orders.Index.Find("Message_Order").Should().BeOfType<Message>();
        Orders.Index.Find("tns:Message_Order").Should().BeSameAs(Orders.Index.Find("Message_Order"));
        Orders.Index.Resolves("Message_Missing").Should().BeFalse();
        Orders.Index.Find<UserTask>("CheckStock").Should().BeNull("CheckStock is a service task");
        Orders.Index.Find("MessageDef_OrderReceived").Should().BeOfType<MessageEventDefinition>();
    }

    [Fact]
    public void LanesAndPools_KeepTheirRawReferences()
    {
        var lanes = Leads.Processes.Single().LaneSets.Single().Lanes;

        lanes.Select(l => l.Name).Should().Equal("Sales desk", "Field sales");
        lanes[1].FlowNodeRefs.Should().Equal("Research", "SendOffer", "Done");
        var collaboration = Leads.Collaborations.Single();
        collaboration.Participants.Select(p => p.ProcessRef).Should().Equal("LeadQualification", null);
        collaboration.MessageFlows.Single().Should().BeEquivalentTo(new { SourceRef = "SendOffer", TargetRef = "Participant_Customer", Name = "offer" });
    }

    [Fact]
    public void EveryElement_KnowsItsLineAndColumn()
    {
        // Lines and columns of the start tags in service-and-call.bpmn.
        Orders.Index.Find("CheckStock")!.Position.Should().Be(new SourcePosition(25, 5));
        Orders.Index.Find("Flow_Ship")!.Position.Should().Be(new SourcePosition(121, 5));
        Orders.Extension<ZeebeTaskDefinition>().Should().BeNull();
        Orders.Index.Find<ServiceTask>("CheckStock")!.ExtensionElements!.Items[0].Position.Should().Be(new SourcePosition(28, 9));
        Orders.Index.DiagramElementsOf("CheckStock").Single().Position.Should().Be(new SourcePosition(152, 7));
        Orders.Index.AllElements.Where(e => e is not BpmnDefinitions).Should().OnlyContain(e => e.Position.IsKnown);
    }

    [Fact]
    public void OwnedElements_WalkEveryNestedPart()
    {
        var task = Orders.Index.Find<SendTask>("NotifyLines")!;

        task.OwnedElements().Should().ContainSingle().Which.Should().BeOfType<MultiInstanceLoopCharacteristics>();
        Orders.Index.AllElements.OfType<Expression>().Select(e => e.Text).Should().BeEquivalentTo("=count(results) = 3", "P3D", "=inStock = true");
        Orders.Diagrams.Single().Plane!.Shapes.Should().HaveCount(12);
        Orders.Index.DiagramElementsOf("Flow_Remind").Single().Should().BeOfType<BpmnEdge>().Which.Waypoints.Should().HaveCount(3);
    }
}
