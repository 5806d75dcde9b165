using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Compilation;
using Crm.Bpm.Engine.Runtime.Incidents;

namespace Crm.Bpm.Engine.Tests.Runtime;

/// <summary>A timer scheduler acquires due timers with a lock and fires each one; cycles, cron ones included, reschedule themselves.</summary>
public sealed class FireTimerTests
{
    [Fact]
    public void FireTimer_BeforeItIsDue_OrForAnUnknownKey_IsRefused_AndChangesNothing()
    {
        var h = new DurableHarness("durable.bpmn");
        var key = h.Start("order", """{"owner": "ann"}""");
        var timer = h.Engine.GetTimers(key).Single();
        var version = h.Engine.GetInstance(key)!.Version;

        h.Engine.FireTimer(timer.Key).Error!.Code.Should().Be(CommandErrorCode.InvalidState);
        h.Engine.FireTimer(999_999).Error!.Code.Should().Be(CommandErrorCode.NotFound);

        h.Engine.GetTimers(key).Should().ContainSingle(t => t.Key == timer.Key && t.DueDate == timer.DueDate);
        h.Engine.GetInstance(key)!.Version.Should().Be(version);
    }

    [Fact]
    public void FireTimer_FiresThatTimer_AndACycleSchedulesItsNextRepetition()
    {
        var h = new DurableHarness("durable.bpmn");
        var key = h.Start("order", """{"owner": "ann"}""");
        var timer = h.Engine.GetTimers(key).Single();
        h.Clock.Advance(TimeSpan.FromHours(1));

        var result = h.Engine.FireTimer(timer.Key);

        result.Succeeded.Should().BeTrue(result.Error?.ToString());
        result.Correlations.Should().Be(1);
        var next = h.Engine.GetTimers(key).Should().ContainSingle().Subject;
        next.Key.Should().NotBe(timer.Key);
        next.DueDate.Should().Be(timer.DueDate.AddHours(1));
        h.Engine.GetUserTasks(key).Should().ContainSingle("the reminder does not interrupt the review");
        h.Engine.FireTimer(timer.Key).Error!.Code.Should().Be(CommandErrorCode.NotFound, "a timer fires once");
    }

    [Fact]
    public void AcquireDueTimers_LocksDueTimersForOneOwner_UntilTheLockExpires()
    {
        var h = new DurableHarness("durable.bpmn");
        var first = h.Start("order", """{"owner": "ann"}""");
        h.Clock.Advance(TimeSpan.FromMinutes(30));
        var second = h.Start("order", """{"owner": "bob"}""");
        h.Clock.Advance(TimeSpan.FromMinutes(30));

        var a = h.Engine.AcquireDueTimers("server-a", 10, TimeSpan.FromMinutes(1));
        var b = h.Engine.AcquireDueTimers("server-b", 10, TimeSpan.FromMinutes(1));

        a.Select(t => t.ProcessInstanceKey).Should().Equal(first);
        a.Single().LockOwner.Should().Be("server-a");
        a.Single().LockedUntil.Should().Be(h.Clock.Now.AddMinutes(1));
        b.Should().BeEmpty("the only due timer is locked by server-a");
        h.Clock.Advance(TimeSpan.FromMinutes(31));
        h.Engine.AcquireDueTimers("server-b", 10, TimeSpan.FromMinutes(1)).Select(t => t.ProcessInstanceKey)
            .Should().Equal([first, second], "server-a's lock expired and the second timer came due");
    }

    [Theory]
    [InlineData("0 0 * * * *", "2025-03-01T09:00:00Z", "2025-03-01T10:00:00Z")]
    [InlineData("R/0 */15 * * * *", "2025-03-01T08:30:00Z", "2025-03-01T08:45:00Z")]
    [InlineData("30 9 * * *", "2025-03-01T09:30:00Z", "2025-03-02T09:30:00Z")]
    public void CronCycle_FiresAtEachOccurrence(string cron, string firstDue, string secondDue)
    {
        var h = new DurableHarness("durable.bpmn");
        var key = h.Start("cron-catch", $$"""{"cron": "{{cron}}"}""");
        var timer = h.Engine.GetTimers(key).Single();
        timer.DueDate.Should().Be(DateTimeOffset.Parse(firstDue, System.Globalization.CultureInfo.InvariantCulture));
        timer.Cron.Should().NotBeNull();
        h.Clock.Set(timer.DueDate);

        h.Engine.FireTimer(timer.Key).Succeeded.Should().BeTrue();

        h.Engine.GetTimers(key).Single().DueDate.Should().Be(DateTimeOffset.Parse(secondDue, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void InvalidCron_RaisesAnIncident_ThatSaysWhatIsWrong()
    {
        var h = new DurableHarness("durable.bpmn");

        var key = h.Start("cron-catch", """{"cron": "0 61 * * * *"}""");

        var incident = h.Engine.GetIncidents(key).Should().ContainSingle().Subject;
        incident.Type.Should().Be(IncidentType.ExtractValueError);
        incident.Message.Should().Contain("gave '0 61 * * * *', which is not a valid cron expression: ").And.Contain("Minutes");
        h.Engine.GetTimers(key).Should().BeEmpty();
    }

    [Fact]
    public void CronTimerStart_IsScheduledAtDeployment_ForTheNextOccurrence()
    {
        var h = new DurableHarness("cron-start.bpmn");

        var timer = h.Engine.GetTimers(0).Should().ContainSingle().Subject;

        timer.DueDate.Should().Be(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero), "2025-03-01 is a Saturday: the next weekday 09:00 is Monday");
        h.Clock.Set(timer.DueDate);
        h.Engine.FireTimer(timer.Key).Succeeded.Should().BeTrue();
        h.Engine.GetInstances("cron-start").Should().ContainSingle();
        h.Engine.GetTimers(0).Single().DueDate.Should().Be(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void InvalidCronOnATimerStart_IsADeploymentDiagnostic()
    {
        var h = new DurableHarness();

        var result = h.Deploy("cron-start-invalid.bpmn");

        result.Succeeded.Should().BeFalse();
        var diagnostic = result.Diagnostics.Should().ContainSingle(d => d.IsError).Subject;
        diagnostic.Code.Should().Be(CompileDiagnosticCodes.BadExpression);
        diagnostic.ElementId.Should().Be("Every_Hour");
        diagnostic.Message.Should().Contain("not a valid cron expression");
    }
}
