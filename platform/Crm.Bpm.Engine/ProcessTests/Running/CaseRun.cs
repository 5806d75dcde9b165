using System.Text.Json;
using Crm.Bpm.Engine.DmnDecisions;
using Crm.Bpm.Engine.ProcessTests.Steps;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Clock;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Events;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Engine.ProcessTests.Running;

/// <summary>Runs one case on its own engine, clock and store: deploys the resources, runs each step, checks each expectation.</summary>
internal sealed class CaseRun
{
    // A cycle without an end would make advanceClock fire forever; this many firings in one step is surely a loop.
    private const int MaxTimerRounds = 10_000;

    private readonly ProcessTestFile _file;
    private readonly ProcessTestCase _case;
    private readonly ManualClock _clock;
    private readonly DmnDecisionEvaluator _decisions;
    private readonly ProcessEngine _engine;
    private readonly List<EngineEvent> _events = [];
    private readonly List<ProcessTestFailure> _failures = [];
    private long _caseKey;

    public CaseRun(ProcessTestFile file, ProcessTestCase testCase, IProcessStore? store = null)
    {
        _file = file;
        _case = testCase;
        _clock = new ManualClock(testCase.Clock);
        _decisions = new DmnDecisionEvaluator(new ClockTimeProvider(_clock));
        _engine = new ProcessEngine(store ?? new InMemoryProcessStore(), _clock, new EngineOptions { RecordEvents = true, DecisionEvaluator = _decisions });
    }

    public ProcessTestCaseResult Run()
    {
        if (Deploy())
        {
            RunSteps();
        }

        return new ProcessTestCaseResult(_case.Name, _case.Line, _failures);
    }

    private bool Deploy()
    {
        foreach (var resource in _file.Resources.Where(r => r.Value.EndsWith(".dmn", StringComparison.OrdinalIgnoreCase)))
        {
            var errors = _decisions.DeployFile(resource.Value).Where(d => d.IsError).ToList();
            if (errors.Count > 0)
            {
                _failures.Add(new ProcessTestFailure(resource.Line, $"the decision file {Path.GetFileName(resource.Value)} does not deploy: {string.Join(" | ", errors)}"));
            }
        }

        foreach (var resource in _file.Resources.Where(r => r.Value.EndsWith(".bpmn", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                var result = _engine.DeployFile(resource.Value);
                var errors = result.Diagnostics.Where(d => d.IsError).ToList();
                if (errors.Count > 0 || result.Processes.Count == 0)
                {
                    _failures.Add(new ProcessTestFailure(resource.Line, $"the process file {Path.GetFileName(resource.Value)} does not deploy: {string.Join(" | ", errors.Count > 0 ? errors : result.Diagnostics)}"));
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _failures.Add(new ProcessTestFailure(resource.Line, $"deploying {Path.GetFileName(resource.Value)} made the engine fail (an engine bug): {ex.GetType().Name}: {ex.Message}"));
            }
        }

        return _failures.Count == 0;
    }

    private void RunSteps()
    {
        var steps = _case.Start is null ? _case.Steps : [_case.Start, .. _case.Steps];
        var first = _case.Start is null ? 1 : 0;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var label = i + first == 0 ? $"start ({Describe(step)})" : $"step {i + first} ({Describe(step)})";
            string? problem;
            try
            {
                problem = Execute(step, label);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                problem = $"{label}: the engine failed with {ex.GetType().Name}: {ex.Message} (an engine bug; the command should succeed, be refused, or raise an incident)";
            }

            if (problem is not null)
            {
                _failures.Add(new ProcessTestFailure(step.Line, problem + " The remaining steps and expectations of this case were not run."));
                return;
            }

            if (step.Expect is { } expect)
            {
                ExpectationCheck.Check(expect, View(), "after " + label, _failures);
            }
        }

        if (_case.Expect is { } end)
        {
            ExpectationCheck.Check(end, View(), "at the end", _failures);
        }
    }

    private CaseView View() => new(_engine, _caseKey, _events);

    /// <summary>Runs a step; returns null when it ran as expected, otherwise why the case cannot go on.</summary>
    private string? Execute(ProcessTestStep step, string label)
    {
        var rejected = step.Expect?.Rejected;
        CommandResult? result;
        switch (step)
        {
            case AdvanceClockStep advance:
                return AdvanceClock(advance, label);
            case StartStep start:
                result = _engine.Execute(new StartProcessInstance(start.Process) { Variables = Values(start.Variables), Version = start.Version, StartElementId = start.StartAt });
                break;
            case CompleteTaskStep task:
            {
                var key = FindTask(task.Element, task.WithVariables, rejected is not null, out var problem);
                if (key == 0)
                {
                    return $"{label}: {problem}";
                }

                result = _engine.Execute(new CompleteUserTask(key) { Variables = Values(task.Variables) });
                break;
            }

            case CompleteJobStep complete:
            {
                var job = FindJob(complete.Job, rejected is not null, out var problem);
                if (job is null)
                {
                    return $"{label}: {problem}";
                }

                result = _engine.Execute(new CompleteJob(job.Key) { Variables = Values(complete.Variables) });
                break;
            }

            case FailJobStep fail:
            {
                var job = FindJob(fail.Job, rejected is not null, out var problem);
                if (job is null)
                {
                    return $"{label}: {problem}";
                }

                result = _engine.Execute(new FailJob(job.Key, fail.Retries ?? Math.Max(0, job.Retries - 1)) { ErrorMessage = fail.Message, RetryBackoff = fail.Backoff });
                break;
            }

            case ThrowErrorStep error:
            {
                var job = FindJob(error.Job, rejected is not null, out var problem);
                if (job is null)
                {
                    return $"{label}: {problem}";
                }

                result = _engine.Execute(new ThrowError(job.Key, error.Code) { ErrorMessage = error.Message, Variables = Values(error.Variables) });
                break;
            }

            case CorrelateMessageStep message:
                result = _engine.Execute(new CorrelateMessage(message.Name, message.CorrelationKey)
                {
                    Variables = Values(message.Variables),
                    TimeToLive = message.TimeToLive,
                    MessageId = message.MessageId,
                });
                break;
            case BroadcastSignalStep signal:
                result = _engine.Execute(new BroadcastSignal(signal.Name) { Variables = Values(signal.Variables) });
                break;
            case CancelStep:
                if (_caseKey == 0)
                {
                    return $"{label}: there is no process instance to cancel; start one first.";
                }

                result = _engine.Execute(new CancelProcessInstance(_caseKey));
                break;
            case ResolveIncidentStep resolve:
            {
                var incident = _engine.GetIncidents().Where(i => i.ElementId == resolve.Element).MinBy(i => i.Key);
                if (incident is null)
                {
                    return $"{label}: there is no open incident at {resolve.Element}; open incidents are at {CaseView.List(_engine.GetIncidents().Select(i => i.ElementId))}. {View().Summary()}";
                }

                result = _engine.Execute(new ResolveIncident(incident.Key) { JobRetries = resolve.Retries });
                break;
            }

            case SetVariablesStep set:
            {
                var scope = _caseKey;
                if (set.Element is not null)
                {
                    var view = View();
                    var element = view.Instances.Where(i => view.InFamily(i.Key)).SelectMany(i => i.Elements).Where(e => e.ElementId == set.Element).MinBy(e => e.Key);
                    if (element is null)
                    {
                        return $"{label}: {set.Element} is not active, so it has no variable scope; active elements are {CaseView.List(view.WaitingAt)}.";
                    }

                    scope = element.Key;
                }
                else if (scope == 0)
                {
                    return $"{label}: there is no process instance to set variables on; start one first.";
                }

                result = _engine.Execute(new SetVariables(scope) { Variables = Values(set.Variables), Local = set.Local });
                break;
            }

            default:
                return $"{label}: this step is not supported.";
        }

        return Outcome(step, label, result);
    }

    private string? Outcome(ProcessTestStep step, string label, CommandResult result)
    {
        var rejected = step.Expect?.Rejected;
        if (!result.Succeeded)
        {
            if (rejected is { } r)
            {
                if (r.Value != "any" && result.Error!.Code.ToString() != r.Value)
                {
                    _failures.Add(new ProcessTestFailure(r.Line, $"after {label}: expected the engine to refuse with {r.Value}, but it refused with {result.Error}."));
                }

                return null;
            }

            return $"{label}: the engine refused the command: {result.Error!.Message} ({result.Error.Code}). {View().Summary()}";
        }

        Record(result);
        if (rejected is { } accepted)
        {
            _failures.Add(new ProcessTestFailure(accepted.Line, $"after {label}: expected the engine to refuse the command ({accepted.Value}), but it accepted it."));
        }

        if (step.Expect?.Correlations is { } correlations && correlations.Value != result.Correlations)
        {
            _failures.Add(new ProcessTestFailure(correlations.Line, $"after {label}: expected {correlations.Value} correlation(s), but it triggered {result.Correlations}{(result.Buffered ? " (the message was buffered)" : "")}."));
        }

        return null;
    }

    private void Record(CommandResult result)
    {
        _events.AddRange(result.Events);
        if (_caseKey == 0)
        {
            _caseKey = _engine.GetInstances().Where(i => i.ParentInstanceKey == 0).Select(i => i.Key).DefaultIfEmpty().Min();
        }
    }

    private string? AdvanceClock(AdvanceClockStep step, string label)
    {
        var target = step.Duration.AddTo(_clock.Now);
        var correlations = 0;
        for (var round = 0; ; round++)
        {
            var next = _engine.GetTimers().Where(t => t.DueDate <= target).Select(t => (DateTimeOffset?)t.DueDate).Min();
            if (next is null)
            {
                break;
            }

            if (round >= MaxTimerRounds)
            {
                return $"{label}: timers fired {MaxTimerRounds} times and more are due; a timer cycle without an end? {View().Summary()}";
            }

            // Each timer fires at its own due time, so timers that the firing creates are due relative to that time.
            if (next.Value > _clock.Now)
            {
                _clock.Set(next.Value);
            }

            var result = _engine.FireDueTimers();
            if (!result.Succeeded)
            {
                return $"{label}: firing the timers due at {next.Value:O} was refused: {result.Error}. {View().Summary()}";
            }

            Record(result);
            correlations += result.Correlations;
            if (result.Correlations == 0 && _engine.GetTimers().Where(t => t.DueDate <= _clock.Now).Any())
            {
                // Due timers the engine will not fire (say, on an element with an incident) would loop forever.
                break;
            }
        }

        if (target > _clock.Now)
        {
            _clock.Set(target);
        }

        if (step.Expect?.Rejected is { } rejected)
        {
            _failures.Add(new ProcessTestFailure(rejected.Line, $"after {label}: 'rejected' does not apply to advanceClock, which is never refused."));
        }

        if (step.Expect?.Correlations is { } expected && expected.Value != correlations)
        {
            _failures.Add(new ProcessTestFailure(expected.Line, $"after {label}: expected {expected.Value} timer firing(s), but {correlations} fired."));
        }

        return null;
    }

    private long FindTask(string element, JsonElement? withVariables, bool staleAllowed, out string problem)
    {
        problem = "";
        var open = _engine.GetUserTasks().Where(t => t.ElementId == element && Contains(t.Variables, withVariables)).MinBy(t => t.Key);
        if (open is not null)
        {
            return open.Key;
        }

        // A step expected to be refused may aim at a task that existed once: that is how a test completes a finished task.
        var stale = _events.LastOrDefault(e => e.Kind == EngineEventKind.UserTaskCreated && e.ElementId == element);
        if (staleAllowed && stale is not null)
        {
            return stale.Key;
        }

        if (withVariables is { } w && _engine.GetUserTasks().Any(t => t.ElementId == element))
        {
            problem = $"no open user task at {element} has the variables {w.GetRawText()}; their variables are: "
                + string.Join("; ", _engine.GetUserTasks().Where(t => t.ElementId == element).Select(t => JsonSerializer.Serialize(t.Variables)));
            return 0;
        }

        problem = $"there is no open user task at {element}; open user tasks are {CaseView.List(_engine.GetUserTasks().Select(t => t.ElementId))}. {View().Summary()}";
        return 0;
    }

    private JobRecord? FindJob(JobSelector selector, bool staleAllowed, out string problem)
    {
        problem = "";
        bool Matches(JobRecord j) => (selector.Type is null || j.Type == selector.Type) && (selector.Element is null || j.ElementId == selector.Element)
            && Contains(j.Variables, selector.WithVariables);
        var all = _engine.GetJobs();
        var job = all.Where(j => j.State == JobState.Activatable && Matches(j)).MinBy(j => j.Key);
        if (job is not null)
        {
            return job;
        }

        if (staleAllowed && (all.Where(Matches).MinBy(j => j.Key) ?? StaleJob(selector)) is { } stale)
        {
            return stale;
        }

        var failed = all.Where(Matches).ToList();
        problem = failed.Count > 0
            ? $"the {selector} is not waiting for a worker ({string.Join(", ", failed.Select(j => j.State))}); resolve its incident first. {View().Summary()}"
            : $"there is no {selector} waiting for a worker; jobs waiting are {CaseView.List(all.Where(j => j.State == JobState.Activatable).Select(j => $"{j.Type} at {j.ElementId}"))}. {View().Summary()}";
        return null;
    }

    private JobRecord? StaleJob(JobSelector selector)
    {
        var created = _events.LastOrDefault(e => e.Kind == EngineEventKind.JobCreated
            && (selector.Element is null || e.ElementId == selector.Element)
            && (selector.Type is null || e.Detail == selector.Type));
        return created is null ? null : new JobRecord
        {
            Key = created.Key,
            Type = created.Detail ?? "",
            ProcessInstanceKey = created.ProcessInstanceKey,
            ElementInstanceKey = 0,
            ElementId = created.ElementId ?? "",
            BpmnProcessId = created.BpmnProcessId ?? "",
            ProcessDefinitionKey = 0,
            Retries = 1,
        };
    }

    private static bool Contains(IReadOnlyDictionary<string, JsonElement> variables, JsonElement? expected) =>
        expected is not { } e || e.EnumerateObject().All(p => variables.TryGetValue(p.Name, out var v) && JsonMatch.Mismatch(p.Value, v, p.Name) is null);

    private static Dictionary<string, object?>? Values(IReadOnlyDictionary<string, JsonElement> variables) =>
        variables.Count == 0 ? null : variables.ToDictionary(v => v.Key, v => (object?)v.Value, StringComparer.Ordinal);

    private static string Describe(ProcessTestStep step) => step switch
    {
        StartStep s => $"start {s.Process}",
        CompleteTaskStep s => $"completeTask {s.Element}",
        CompleteJobStep s => $"completeJob {s.Job}",
        FailJobStep s => $"failJob {s.Job}",
        ThrowErrorStep s => $"throwError {s.Code} from {s.Job}",
        CorrelateMessageStep s => $"correlateMessage {s.Name}{(s.CorrelationKey is null ? "" : " key " + s.CorrelationKey)}",
        BroadcastSignalStep s => $"broadcastSignal {s.Name}",
        AdvanceClockStep s => $"advanceClock {s.Text}",
        ResolveIncidentStep s => $"resolveIncident {s.Element}",
        SetVariablesStep s => $"setVariables{(s.Element is null ? "" : " on " + s.Element)}",
        _ => step.Keyword,
    } + $", line {step.Line}";
}
