using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.Model;
using Crm.Bpm.Engine.Model.Collaborations;
using Crm.Bpm.Engine.Model.Processes;
using Crm.Bpm.Engine.Validation;
using Crm.Bpm.Engine.Xml;
using Crm.Bpm.Testing;

namespace Crm.Bpm.Engine.Tests.Validation;

public sealed class BpmnValidatorTests
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;
    private const DiagnosticSeverity Warning = DiagnosticSeverity.Warning;

    /// <summary>One fixture per check (Fixtures/Invalid): the code it must trigger, on which element, with which severity.</summary>
    public static TheoryData<string, string, string, DiagnosticSeverity> InvalidCases => new()
    {
        { "dangling-target-ref.bpmn", "BPMN101", "toReview", Error },
        { "dangling-message-ref.bpmn", "BPMN101", "waitReply", Error },
        { "dangling-attached-to-ref.bpmn", "BPMN101", "deadline", Error },
        { "dangling-default.bpmn", "BPMN101", "decide", Error },
        { "dangling-process-ref.bpmn", "BPMN101", "salesPool", Error },
        { "wrong-kind-reference.bpmn", "BPMN103", "toMessage", Error },
        { "sequence-flow-across-scopes.bpmn", "BPMN104", "escape", Error },
        { "gateway-without-conditions.bpmn", "BPMN209", "route", Error },
        { "inclusive-gateway-without-conditions.bpmn", "BPMN105", "notify", Warning },
        { "default-not-outgoing.bpmn", "BPMN106", "route", Error },
        { "default-with-condition.bpmn", "BPMN107", "route", Warning },
        { "message-catch-without-message-ref.bpmn", "BPMN210", "waitReply", Error },
        { "receive-task-without-message-ref.bpmn", "BPMN210", "awaitSignature", Error },
        { "signal-throw-without-signal-ref.bpmn", "BPMN210", "announce", Error },
        { "error-end-without-error-ref.bpmn", "BPMN210", "fail", Error },
        { "escalation-throw-without-ref.bpmn", "BPMN108", "escalate", Warning },
        { "timer-without-expression.bpmn", "BPMN211", "wait", Error },
        { "timer-boundary-without-expression.bpmn", "BPMN109", "slaBreached", Warning },
        { "boundary-on-gateway.bpmn", "BPMN110", "tooLate", Error },
        { "message-flow-within-pool.bpmn", "BPMN111", "ping", Error },
        { "diagram-shape-without-element.bpmn", "BPMN112", "ghost_di", Warning },
        { "no-start-event.bpmn", "BPMN201", "p", Error },
        { "unreachable-node.bpmn", "BPMN202", "forgotten", Warning },
        { "dead-end-node.bpmn", "BPMN203", "split", Warning },
        { "service-task-without-type.bpmn", "BPMN204", "assign", Error },
        { "send-task-empty-type.bpmn", "BPMN204", "mail", Error },
        { "business-rule-task-without-decision.bpmn", "BPMN204", "score", Error },
        { "script-task-without-script.bpmn", "BPMN204", "compute", Error },
        { "message-end-without-type.bpmn", "BPMN204", "notifyEnd", Error },
        { "call-activity-without-process-id.bpmn", "BPMN205", "onboard", Error },
        { "message-catch-without-correlation-key.bpmn", "BPMN206", "waitReply", Error },
        { "receive-task-without-correlation-key.bpmn", "BPMN206", "awaitSignature", Error },
        { "business-rule-task-without-result-variable.bpmn", "BPMN207", "score", Error },
        { "message-without-name.bpmn", "BPMN208", "reply", Error },
    };

    /// <summary>
    /// For each check, an element of a valid fixture that comes close to triggering it but is allowed; the check must
    /// stay silent there.
    /// </summary>
    public static TheoryData<string, string, string> NearMisses => new()
    {
        { "BPMN101", "order-routing.bpmn", "orderReceived" },         // messageRef that resolves
        { "BPMN103", "order-routing.bpmn", "f6" },                    // flow from a sub-process to a gateway
        { "BPMN104", "order-routing.bpmn", "f5" },                    // flow inside a sub-process
        { "BPMN105", "order-routing.bpmn", "notify" },                // inclusive gateway: one flow without condition
        { "BPMN105", "order-routing.bpmn", "fork" },                  // parallel gateway: flows need no condition
        { "BPMN106", "order-routing.bpmn", "route" },                 // default flow that leaves the gateway
        { "BPMN107", "order-routing.bpmn", "route" },                 // default flow without condition
        { "BPMN210", "order-routing.bpmn", "anyFailure" },            // error boundary without errorRef catches all
        { "BPMN210", "order-routing.bpmn", "escalated" },             // escalation start without ref catches all
        { "BPMN211", "order-routing.bpmn", "coolDown" },              // timer with a FEEL date
        { "BPMN211", "order-routing.bpmn", "paymentLate" },           // timer with a duration
        { "BPMN209", "order-routing.bpmn", "route" },                 // exclusive gateway with a condition and a default
        { "BPMN110", "order-routing.bpmn", "paymentLate" },           // boundary on a receive task
        { "BPMN111", "order-routing.bpmn", "confirmationSent" },      // message flow to another pool
        { "BPMN201", "sketch-not-executable.bpmn", "sketch" },        // no start event, but not executable
        { "BPMN202", "order-routing.bpmn", "finishLanding" },         // reached through a link event
        { "BPMN202", "order-routing.bpmn", "release" },               // compensation handler
        { "BPMN202", "order-routing.bpmn", "callCustomer" },          // activity of an ad-hoc sub-process
        { "BPMN202", "order-routing.bpmn", "cancelled" },             // start of an event sub-process
        { "BPMN203", "order-routing.bpmn", "jumpToFinish" },          // link throw continues elsewhere
        { "BPMN203", "order-routing.bpmn", "undoReserve" },           // compensation boundary event
        { "BPMN203", "order-routing.bpmn", "writeNote" },             // activity of an ad-hoc sub-process
        { "BPMN203", "sketch-not-executable.bpmn", "hold" },          // dead end, but not executable
        { "BPMN204", "order-routing.bpmn", "score" },                 // business rule task calling a decision
        { "BPMN204", "order-routing.bpmn", "discount" },              // script task with zeebe:script
        { "BPMN204", "sketch-not-executable.bpmn", "enrich" },        // service task, but not executable
        { "BPMN205", "order-routing.bpmn", "backorder" },             // call activity with a process id
        { "BPMN206", "order-routing.bpmn", "orderReceived" },         // message start of the process needs no key
        { "BPMN206", "order-routing.bpmn", "awaitPayment" },          // key on the message, as Camunda Modeler writes it
        { "BPMN206", "order-routing.bpmn", "cancelled" },             // event sub-process start with a key
        { "BPMN207", "order-routing.bpmn", "score" },                 // decision id and result variable given
        { "BPMN208", "order-routing.bpmn", "orderMessage" },          // caught message with a name
    };

    public static TheoryData<string> ValidFiles
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.EnumerateFiles(ValidationFixture.PathOf("Valid"), "*.bpmn").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(SharedData.RepositoryRoot, file));
            }

            foreach (var file in Directory.EnumerateFiles(Path.Combine(SharedData.RepositoryRoot, "processes"), "*.bpmn", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(SharedData.RepositoryRoot, file));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Check_ReportsItsCode_AtTheOffendingElement(string fixture, string code, string elementId, DiagnosticSeverity severity)
    {
        var path = ValidationFixture.PathOf(Path.Combine("Invalid", fixture));

        var outcome = ValidationFixture.Run(path);

        outcome.ValidatorFindings.Should().ContainSingle(d => d.Code == code)
            .Which.Should().BeEquivalentTo(new
            {
                Code = code,
                Severity = severity,
                ElementId = elementId,
                File = path,
                Line = (int?)ValidationFixture.LineOf(path, elementId),
            });
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void InvalidFixture_TriggersOnlyItsOwnCheck(string fixture, string code, string elementId, DiagnosticSeverity severity)
    {
        _ = (elementId, severity);

        var outcome = ValidationFixture.Run(ValidationFixture.PathOf(Path.Combine("Invalid", fixture)));

        outcome.ParserFindings.Should().BeEmpty();
        outcome.ValidatorFindings.Select(d => d.Code).Distinct().Should().Equal(code);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Finding_NamesTheElementAndSaysWhatToDo(string fixture, string code, string elementId, DiagnosticSeverity severity)
    {
        _ = severity;
        var outcome = ValidationFixture.Run(ValidationFixture.PathOf(Path.Combine("Invalid", fixture)));

        var finding = outcome.ValidatorFindings.Single(d => d.Code == code);
        var element = outcome.Model.Index.Find(elementId)!;
        var shownName = element switch
        {
            FlowElement { Name: { Length: > 0 } name } => name,
            Participant { Name: { Length: > 0 } name } => name,
            _ => elementId,
        };

        finding.Message.Should().Contain($"\"{shownName}\"");
        finding.Message.Should().EndWith(".").And.Contain(". ", "a second sentence tells the analyst what to do");
    }

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void Check_StaysSilent_OnAnAllowedVariant(string code, string fixture, string elementId)
    {
        var outcome = ValidationFixture.Run(ValidationFixture.PathOf(Path.Combine("Valid", fixture)));

        outcome.Model.Index.Find(elementId).Should().NotBeNull("the near miss must exist in the fixture");
        outcome.ValidatorFindings.Should().NotContain(d => d.Code == code && d.ElementId == elementId);
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void ValidFile_HasNoFinding(string relativePath)
    {
        var outcome = ValidationFixture.Run(Path.Combine(SharedData.RepositoryRoot, relativePath));

        outcome.ParserFindings.Should().BeEmpty();
        outcome.ValidatorFindings.Should().BeEmpty();
    }

    [Fact]
    public void DuplicateId_IsReportedOnceByTheParser_AndNotAgainByTheValidator()
    {
        var outcome = ValidationFixture.Run(ValidationFixture.PathOf(Path.Combine("Invalid", "duplicate-id.bpmn")));

        outcome.ParserFindings.Should().ContainSingle(d => d.Code == BpmnDiagnosticCodes.DuplicateId)
            .Which.ElementId.Should().Be("check");
        outcome.ValidatorFindings.Should().BeEmpty();
    }

    [Fact]
    public void Findings_ComeInPositionOrder()
    {
        // B.2.0 is a drawing of every event type, many without their trigger: it yields a couple of dozen warnings.
        var findings = ValidationFixture.Run(Path.Combine(SharedData.MiwgFolder, "B.2.0.bpmn")).ValidatorFindings;

        findings.Should().HaveCountGreaterThan(10);
        findings.Select(d => d.Line).Should().BeInAscendingOrder();
    }

    [Fact]
    public void ModelBuiltInCode_IsValidatedWithoutPositions()
    {
        var model = new BpmnDefinitions
        {
            Id = "defs",
            RootElements = [new Process { Id = "empty", IsExecutable = true }],
        };

        var findings = BpmnValidator.Validate(model);

        findings.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Code = BpmnValidationCodes.NoStartEvent,
            ElementId = "empty",
            Line = (int?)null,
            Column = (int?)null,
            File = (string?)null,
        });
    }
}
