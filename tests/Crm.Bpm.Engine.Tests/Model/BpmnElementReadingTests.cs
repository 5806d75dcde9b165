using Crm.Bpm.Engine.Comparison;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Activities;
using Crm.Bpm.Engine.Model.Artifacts;
using Crm.Bpm.Engine.Model.Data;
using Crm.Bpm.Engine.Model.Diagram;
using Crm.Bpm.Engine.Model.Events;
using Crm.Bpm.Engine.Model.Gateways;
using Crm.Bpm.Engine.Model.Processes;
using Crm.Bpm.Engine.Tests.Xml;

namespace Crm.Bpm.Engine.Tests.Model;

/// <summary>BPMN 2.0.2 elements the MIWG set lacks (complex gateway, transaction, cancel, link, shared event definitions, data flow) read into typed values.</summary>
public sealed class BpmnElementReadingTests
{
    private static readonly BpmnDefinitions Model = BpmnTestFiles.ParseClean(BpmnTestFiles.Zeebe("bpmn-elements.bpmn"));

    private static T Find<T>(string id)
        where T : BaseElement => Model.Index.Find<T>(id) ?? throw new InvalidOperationException($"{id} is not a {typeof(T).Name}");

    [Fact]
    public void Definitions_AndRootElements_AreRead()
    {
        Model.Should().BeEquivalentTo(new { Id = "Definitions_Elements", Name = "Element coverage", Exporter = "Camunda Modeler", ExporterVersion = "5.31.0", TargetNamespace = "http://bpmn.io/schema/bpmn" });
        Model.Namespaces.Should().Contain(new NamespaceDeclaration("zeebe", BpmnNamespaces.Zeebe));
        Find<ItemDefinition>("Item_Order").Should().BeEquivalentTo(new { StructureRef = "Order", IsCollection = true, ItemKind = ItemKind.Information });
        Find<DataStore>("DataStore_Crm").Should().BeEquivalentTo(new { Capacity = 100, IsUnlimited = false, ItemSubjectRef = "Item_Order" });
        Find<Category>("Category_1").CategoryValues.Single().Value.Should().Be("Billing");
        Find<Group>("Group_Billing").CategoryValueRef.Should().Be("CategoryValue_Billing");
        var process = Model.Processes.Single();
        process.ProcessType.Should().Be(ProcessType.Private);
        process.Documentation.Single().Should().BeEquivalentTo(new { TextFormat = "text/markdown", Text = "Covers the **BPMN 2.0.2** elements the MIWG set lacks." });
        process.Properties.Single().Name.Should().Be("total");
    }

    [Fact]
    public void SharedTimer_IsARootEventDefinition_ReferencedByTheStartEvent()
    {
        var start = Find<StartEvent>("Start");

        start.EventDefinitions.Should().BeEmpty();
        start.EventDefinitionRefs.Should().Equal("SharedTimer");
        Find<TimerEventDefinition>("SharedTimer").TimeCycle!.Text.Should().Be("R3/PT10M");
        Find<TimerEventDefinition>("DeadlineDef").TimeDate!.Text.Should().Be("2025-12-31T23:59:00Z");
    }

    [Fact]
    public void Gateways_ReadDirectionDefaultsAndConditions()
    {
        var complex = Find<ComplexGateway>("Complex");
        complex.Should().BeEquivalentTo(new { GatewayDirection = GatewayDirection.Diverging, DefaultRef = "F3" });
        complex.ActivationCondition!.Text.Should().Be("=activeCount >= 1");
        Find<InclusiveGateway>("Inclusive").DefaultRef.Should().Be("F9");
        Find<EventBasedGateway>("Race").Should().BeEquivalentTo(new { Instantiate = false, EventGatewayType = EventBasedGatewayType.Exclusive });
        Find<SequenceFlow>("F8").ConditionExpression!.FeelText.Should().Be("total > 100 and total < 1000", "CDATA is read as text");
        Find<SequenceFlow>("F2").ConditionExpression!.Language.Should().Be("https://www.omg.org/spec/DMN/20191111/FEEL/");
    }

    [Fact]
    public void Transaction_HoldsItsOwnScope_WithCancelEventsAndAStandardLoop()
    {
        var booking = Find<Transaction>("Booking");

        booking.Method.Should().Be("##Compensate");
        booking.FlowElements.Select(e => e.Id).Should().Equal("BookingStart", "Reserve", "BookingCancelled", "F5", "F6");
        Model.Index.ContainerOf("Reserve").Should().BeSameAs(booking);
        Find<EndEvent>("BookingCancelled").EventDefinitions.Single().Should().BeOfType<CancelEventDefinition>();
        Find<BoundaryEvent>("Cancelled").Should().BeEquivalentTo(new { AttachedToRef = "Booking", CancelActivity = true });
        var loop = Find<BpmnTask>("Reserve").LoopCharacteristics.Should().BeOfType<StandardLoopCharacteristics>().Subject;
        loop.Should().BeEquivalentTo(new { TestBefore = true, LoopMaximum = 5 });
        loop.LoopCondition!.FeelText.Should().Be("not(reserved)");
    }

    [Fact]
    public void LinkConditionalSignalAndTerminateEvents_AreRead()
    {
        Find<LinkEventDefinition>("LinkThrow").Should().BeEquivalentTo(new { Name = "ToEnd", TargetRef = "LinkCatch" });
        Find<LinkEventDefinition>("LinkCatch").SourceRefs.Should().Equal("LinkThrow");
        Find<ConditionalEventDefinition>("CondDef").Condition!.Text.Should().Be("=order.approved");
        Find<SignalEventDefinition>("SignalDef").SignalRef.Should().Be("Signal_Done");
        Find<EndEvent>("Terminated").IncomingRefs.Should().Equal("F7", "F10", "F15", "F17");
        Model.Index.IncomingFlows("Terminated").Select(f => f.Id).Should().Equal("F4", "F7", "F10", "F15", "F17");
    }

    [Fact]
    public void DataFlow_ReadsIoSpecificationAssociationsAndMultiInstanceData()
    {
        var archive = Find<ManualTask>("Archive");
        archive.IoSpecification!.DataInputs.Single().Should().BeEquivalentTo(new { Id = "ArchiveIn", Name = "order", ItemSubjectRef = "Item_Order" });
        archive.IoSpecification.InputSets.Single().DataInputRefs.Should().Equal("ArchiveIn");
        archive.IoSpecification.OutputSets.Single().DataOutputRefs.Should().Equal("ArchiveOut");
        var input = archive.DataInputAssociations.Single();
        input.SourceRefs.Should().Equal("OrderRef");
        input.TargetRef.Should().Be("ArchiveIn");
        input.Transformation!.Text.Should().Be("=order");
        input.Assignments.Single().Should().Match<Assignment>(a => a.From!.Text == "=order.id" && a.To!.Text == "=archiveId");
        archive.DataOutputAssociations.Single().TargetRef.Should().Be("CrmRef");
        Find<DataObjectReference>("OrderRef").DataObjectRef.Should().Be("OrderData");
        Find<DataStoreReference>("CrmRef").DataStoreRef.Should().Be("DataStore_Crm");

        var multi = Find<BpmnTask>("PerLine").LoopCharacteristics.Should().BeOfType<MultiInstanceLoopCharacteristics>().Subject;
        multi.Should().BeEquivalentTo(new { Behavior = MultiInstanceBehavior.One, OneBehaviorEventRef = "Signalled", LoopDataInputRef = "Property_Total", IsSequential = false });
        multi.LoopCardinality!.FeelText.Should().Be("count(lines)");
        multi.InputDataItem!.Name.Should().Be("line");
    }

    [Fact]
    public void Diagram_ReadsLabelsStylesAndFractionalCoordinates()
    {
        var diagram = Model.Diagrams.Single();
        diagram.Name.Should().Be("Elements");
        var style = diagram.LabelStyles.Single();
        style.Font.Should().BeEquivalentTo(new { Name = "Arial", Size = 9.5, IsBold = true, IsItalic = false, IsUnderline = (bool?)null });
        var start = diagram.Plane!.Shapes.First();
        start.Label!.LabelStyle.Should().Be("Style_Small");
        start.Label.Bounds.Should().Be(new Bounds(128, 225, 84, 14));
        diagram.Plane.Shapes.Single(s => s.BpmnElement == "Booking").IsExpanded.Should().BeTrue();
        diagram.Plane.Edges.Single().Waypoints.Should().Equal(new Waypoint(188, 200), new Waypoint(235.5, 200.25));
    }

    [Fact]
    public void ElementCoverageFixture_WrittenAndParsedAgain_IsUnchanged()
    {
        var again = BpmnTestFiles.WriteAndReparse(Model, out var xml);

        BpmnComparer.Compare(Model, again).Should().BeEmpty();
        xml.Should().Contain("<bpmn:eventDefinitionRef>SharedTimer</bpmn:eventDefinitionRef>")
            .And.Contain("<dc:Font name=\"Arial\" size=\"9.5\" isBold=\"true\" isItalic=\"false\" />")
            .And.Contain("<di:waypoint x=\"235.5\" y=\"200.25\" />");
    }
}
