using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Instances;

namespace Crm.Bpm.Engine.Tests.Runtime;

public sealed class MessageTests
{
    [Fact]
    public void MessageCatch_IsCorrelatedByNameAndKey_WithItsVariables()
    {
        var h = new RuntimeHarness("messages.bpmn");
        var one = h.Start("message-catch", """{"leadId": "L-1"}""");
        var two = h.Start("message-catch", """{"leadId": "L-2"}""");

        var result = h.Correlate("lead-replied", "L-2", """{"reply": "yes"}""");

        result.Correlations.Should().Be(1);
        h.State(two).Should().Be(ProcessInstanceState.Completed);
        h.Variable(two, "reply").Should().Be("\"yes\"");
        h.State(one).Should().Be(ProcessInstanceState.Active);
    }

    [Fact]
    public void Message_WithAnotherKey_IsNotCorrelated_AndWithoutTtlNotKept()
    {
        var h = new RuntimeHarness("messages.bpmn");
        var key = h.Start("message-catch", """{"leadId": "L-1"}""");

        var result = h.Correlate("lead-replied", "L-9");

        result.Correlations.Should().Be(0);
        result.Buffered.Should().BeFalse();
        h.State(key).Should().Be(ProcessInstanceState.Active);
        h.Engine.GetBufferedMessages().Should().BeEmpty();
    }

    [Fact]
    public void Message_ArrivingBeforeItsSubscription_IsCorrelatedWithinItsTimeToLive()
    {
        var h = new RuntimeHarness("messages.bpmn");
        var published = h.Correlate("lead-replied", "L-1", """{"reply": "early"}""", ttl: TimeSpan.FromHours(1));
        published.Buffered.Should().BeTrue();

        h.Clock.Advance(TimeSpan.FromMinutes(30));
        var key = h.Start("message-catch", """{"leadId": "L-1"}""");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Variable(key, "reply").Should().Be("\"early\"");
        h.Engine.GetBufferedMessages().Should().BeEmpty();
    }

    [Fact]
    public void Message_ArrivingBeforeItsSubscription_IsLost_AfterItsTimeToLive()
    {
        var h = new RuntimeHarness("messages.bpmn");
        h.Correlate("lead-replied", "L-1", ttl: TimeSpan.FromHours(1));

        h.Clock.Advance(TimeSpan.FromHours(2));
        var key = h.Start("message-catch", """{"leadId": "L-1"}""");

        h.State(key).Should().Be(ProcessInstanceState.Active);
    }

    [Fact]
    public void Message_ArrivingAfterItsSubscription_IsCorrelatedAtOnce()
    {
        var h = new RuntimeHarness("messages.bpmn");
        var key = h.Start("message-catch", """{"leadId": "L-1"}""");

        h.Correlate("lead-replied", "L-1", ttl: TimeSpan.FromHours(1)).Buffered.Should().BeFalse();

        h.State(key).Should().Be(ProcessInstanceState.Completed);
    }

    [Fact]
    public void ReceiveTask_WaitsForItsMessage()
    {
        var h = new RuntimeHarness("messages.bpmn");
        var key = h.Start("receive", """{"orderId": 42}""");
        h.Engine.GetSubscriptions(key).Should().ContainSingle().Which.CorrelationKey.Should().Be("42");

        h.Correlate("order-received", "42");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Engine.GetSubscriptions(key).Should().BeEmpty();
    }

    [Fact]
    public void ReceiveTask_WithoutACorrelationKeyVariable_RaisesAnIncident()
    {
        var h = new RuntimeHarness("messages.bpmn");

        var key = h.Start("receive");

        var incident = h.Incidents(key).Should().ContainSingle().Subject;
        incident.ElementId.Should().Be("Receive_Order");
        h.Engine.GetSubscriptions(key).Should().BeEmpty();

        h.Run(new SetVariables(key) { Variables = RuntimeHarness.Vars("""{"orderId": "A-1"}""") }).Succeeded.Should().BeTrue();
        h.Run(new ResolveIncident(incident.Key)).Succeeded.Should().BeTrue();
        h.Correlate("order-received", "A-1").Correlations.Should().Be(1);
        h.State(key).Should().Be(ProcessInstanceState.Completed);
    }

    [Fact]
    public void MessageStartEvent_StartsAnInstance_WithTheMessageVariables()
    {
        var h = new RuntimeHarness("messages.bpmn");

        var result = h.Correlate("lead-created", null, """{"lead": "ACME"}""");

        result.Correlations.Should().Be(1);
        var key = result.ProcessInstanceKey;
        h.Instance(key).BpmnProcessId.Should().Be("message-start");
        h.Variable(key, "lead").Should().Be("\"ACME\"");
        h.OpenTasks(key).Should().Equal("M_Qualify");
    }

    [Fact]
    public void MessageStartEvent_WithTheKeyOfAnActiveInstance_StartsNoSecondOne_UntilThatOneEnds()
    {
        var h = new RuntimeHarness("messages.bpmn");
        var first = h.Correlate("lead-created", "L-1").ProcessInstanceKey;

        h.Correlate("lead-created", "L-1").Correlations.Should().Be(0);
        h.Correlate("lead-created", "L-2").Correlations.Should().Be(1);

        h.Engine.GetInstances("message-start").Should().HaveCount(2);
        h.CompleteTask(first, "M_Qualify");
        h.Correlate("lead-created", "L-1").Correlations.Should().Be(1);
    }

    [Fact]
    public void MessageStartEvent_HeldBackByAnActiveInstance_StartsTheNextOne_WhenItEnds()
    {
        var h = new RuntimeHarness("messages.bpmn");
        var first = h.Correlate("lead-created", "L-1").ProcessInstanceKey;
        h.Correlate("lead-created", "L-1", """{"round": 2}""", ttl: TimeSpan.FromHours(1)).Buffered.Should().BeTrue();

        h.CompleteTask(first, "M_Qualify");

        var instances = h.Engine.GetInstances("message-start");
        instances.Should().HaveCount(2);
        instances[1].State.Should().Be(ProcessInstanceState.Active);
        instances[1].Variables["round"].GetInt32().Should().Be(2);
        h.Engine.GetBufferedMessages().Should().BeEmpty();
    }

    [Fact]
    public void InterruptingMessageBoundary_CancelsTheTask_AndTakesItsPath()
    {
        var h = new RuntimeHarness("messages.bpmn");
        var key = h.Start("message-boundary", """{"offerId": "O-7"}""");

        h.Correlate("offer-withdrawn", "O-7");

        h.State(key).Should().Be(ProcessInstanceState.Completed);
        h.Path(key).Should().EndWith(["O_Withdrawn", "O_End_Withdrawn"]);
        h.Terminated(key).Should().Equal("O_Offer");
        h.OpenTasks(key).Should().BeEmpty();
    }

    [Fact]
    public void MessageBoundary_IsClosed_WhenTheTaskCompletes()
    {
        var h = new RuntimeHarness("messages.bpmn");
        var key = h.Start("message-boundary", """{"offerId": "O-7"}""");
        h.CompleteTask(key, "O_Offer");

        h.Correlate("offer-withdrawn", "O-7").Correlations.Should().Be(0);

        h.Path(key).Should().EndWith("O_End_Accepted");
    }

    [Fact]
    public void EventBasedGateway_TheMessageWins_AndTheTimerIsClosed()
    {
        var h = new RuntimeHarness("messages.bpmn");
        var key = h.Start("event-gateway", """{"id": "Q1"}""");

        h.Correlate("answer", "Q1");

        h.Path(key).Should().Equal("G_Start", "G_Wait", "G_Answer", "G_End_Answered");
        h.Engine.GetTimers(key).Should().BeEmpty();
    }

    [Fact]
    public void EventBasedGateway_TheTimerWins_AndTheMessageIsNoLongerAwaited()
    {
        var h = new RuntimeHarness("messages.bpmn");
        var key = h.Start("event-gateway", """{"id": "Q1"}""");

        h.AdvanceClock(TimeSpan.FromDays(1));

        h.Path(key).Should().Equal("G_Start", "G_Wait", "G_Timeout", "G_End_Timeout");
        h.Correlate("answer", "Q1").Correlations.Should().Be(0);
    }
}
