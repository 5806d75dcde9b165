using System.Globalization;
using System.Text.Json;
using Crm.Bpm.Engine.ProcessTests.Expectations;
using Crm.Bpm.Engine.Runtime.UserTasks;

namespace Crm.Bpm.Engine.ProcessTests.Running;

/// <summary>Checks an expectation against what the engine holds, adding one failure per check that does not hold.</summary>
internal static class ExpectationCheck
{
    public static void Check(ProcessTestExpectation expect, CaseView view, string when, List<ProcessTestFailure> failures)
    {
        void Fail(int line, string message) => failures.Add(new ProcessTestFailure(line, $"{when}: {message}"));

        if (expect.State is { } state && view.State != state.Value)
        {
            Fail(state.Line, $"expected state {state.Value}, but it is {view.State}. {view.Summary()}");
        }

        var completedIds = view.Completed.Select(e => e.ElementId!).ToList();
        var completedSet = completedIds.ToHashSet(StringComparer.Ordinal);
        if (expect.Passed is { } passed)
        {
            var missing = passed.Value.Where(id => !completedSet.Contains(id)).ToList();
            if (missing.Count > 0)
            {
                Fail(passed.Line, $"expected {CaseView.List(missing)} to be passed, but {(missing.Count == 1 ? "it was" : "they were")} not. {view.Summary()}");
            }
        }

        if (expect.NotPassed is { } notPassed)
        {
            var wrong = notPassed.Value.Where(completedSet.Contains).ToList();
            if (wrong.Count > 0)
            {
                Fail(notPassed.Line, $"expected {CaseView.List(wrong)} not to be passed, but {(wrong.Count == 1 ? "it was" : "they were")}. {view.Summary()}");
            }
        }

        if (expect.Path is { } path)
        {
            var actual = view.Completed.Where(e => e.ProcessInstanceKey == view.CaseKey).Select(e => e.ElementId!).ToList();
            if (!actual.SequenceEqual(path.Value, StringComparer.Ordinal))
            {
                var at = Enumerable.Range(0, Math.Min(actual.Count, path.Value.Count)).FirstOrDefault(i => actual[i] != path.Value[i], Math.Min(actual.Count, path.Value.Count));
                var where = at < path.Value.Count && at < actual.Count
                    ? $"position {at + 1} is {actual[at]}, not {path.Value[at]}"
                    : at < path.Value.Count ? $"it ends before {path.Value[at]}" : $"it goes on with {actual[at]}";
                Fail(path.Line, $"expected the path {CaseView.List(path.Value)}, but it was {CaseView.List(actual)} ({where}).");
            }
        }

        if (expect.PassedTimes is { } times)
        {
            foreach (var (id, count) in times.Value)
            {
                var actual = completedIds.Count(x => x == id);
                if (actual != count)
                {
                    Fail(times.Line, $"expected {id} to complete {Times(count)}, but it completed {Times(actual)}.");
                }
            }
        }

        if (expect.Variables is { } variables)
        {
            CheckVariables(variables, view, Fail);
        }

        if (expect.NoVariables is { } absent && view.Instance is { } inst)
        {
            foreach (var name in absent.Value)
            {
                if (inst.Variables.TryGetValue(name, out var value))
                {
                    Fail(absent.Line, $"expected no process variable '{name}', but it is {JsonMatch.Show(value)}.");
                }
            }
        }

        CompareBag(expect.OpenTasks, view.OpenTaskElements, "open user tasks", view, Fail);
        CompareBag(expect.OpenJobs, view.OpenJobTypes, "jobs waiting for a worker (by type)", view, Fail);
        CompareBag(expect.WaitingAt, view.WaitingAt, "elements waiting", view, Fail);
        CompareBag(expect.BufferedMessages, view.BufferedMessages, "buffered messages", view, Fail);
        if (expect.Incidents is { } incidents)
        {
            CompareBag(new Located<IReadOnlyList<string>>(incidents.Value.Select(i => i.Element).ToList(), incidents.Line, incidents.Column), view.IncidentElements, "open incidents (by element)", view, Fail);
            foreach (var incident in incidents.Value.Where(i => i.Type is not null || i.MessageContains is not null))
            {
                var candidates = view.Incidents.Where(i => i.ElementId == incident.Element).ToList();
                if (candidates.Count > 0 && !candidates.Any(i => (incident.Type is null || i.Type.ToString() == incident.Type)
                        && (incident.MessageContains is null || i.Message.Contains(incident.MessageContains, StringComparison.OrdinalIgnoreCase))))
                {
                    Fail(incident.Line, $"expected an incident at {incident.Element}{(incident.Type is null ? "" : " of type " + incident.Type)}{(incident.MessageContains is null ? "" : $" saying '{incident.MessageContains}'")}, but it is: "
                        + string.Join("; ", candidates.Select(i => $"{i.Type}: {i.Message}")));
                }
            }
        }

        if (expect.Tasks is { } tasks)
        {
            foreach (var task in tasks.Value)
            {
                CheckTask(task, view, Fail);
            }
        }

        if (expect.Jobs is { } jobs)
        {
            foreach (var job in jobs.Value)
            {
                CheckJob(job, view, Fail);
            }
        }
    }

    private static string Times(int n) => n == 1 ? "once" : $"{n} times";

    private static void CheckVariables(Located<JsonElement> expected, CaseView view, Action<int, string> fail)
    {
        if (view.Instance is not { } instance)
        {
            fail(expected.Line, "expected process variables, but no process instance was started.");
            return;
        }

        foreach (var property in expected.Value.EnumerateObject())
        {
            if (!instance.Variables.TryGetValue(property.Name, out var actual))
            {
                fail(expected.Line, $"expected the variable '{property.Name}' to be {JsonMatch.Show(property.Value)}, but there is no such variable; the variables are {CaseView.List(instance.Variables.Keys.Order(StringComparer.Ordinal))}.");
            }
            else if (JsonMatch.Mismatch(property.Value, actual, property.Name) is { } mismatch)
            {
                fail(expected.Line, $"variable {mismatch}.");
            }
        }
    }

    private static void CompareBag(Located<IReadOnlyList<string>>? expected, IReadOnlyList<string> actual, string what, CaseView view, Action<int, string> fail)
    {
        if (expected is not { } e)
        {
            return;
        }

        var want = e.Value.Order(StringComparer.Ordinal).ToList();
        var have = actual.Order(StringComparer.Ordinal).ToList();
        if (!want.SequenceEqual(have, StringComparer.Ordinal))
        {
            fail(e.Line, $"expected the {what} to be {CaseView.List(want)}, but they are {CaseView.List(have)}. {view.Summary()}");
        }
    }

    private static void CheckTask(TaskExpectation expected, CaseView view, Action<int, string> fail)
    {
        var candidates = view.Tasks.Where(t => t.ElementId == expected.Element).ToList();
        if (candidates.Count == 0)
        {
            fail(expected.Line, $"expected an open user task at {expected.Element}, but there is none; open user tasks are {CaseView.List(view.OpenTaskElements)}.");
            return;
        }

        var differences = candidates.Select(t => TaskDifferences(expected, t)).ToList();
        if (differences.TrueForAll(d => d.Count > 0))
        {
            fail(expected.Line, $"the user task at {expected.Element}: {string.Join("; ", differences[0])}.");
        }
    }

    private static List<string> TaskDifferences(TaskExpectation e, UserTaskRecord t)
    {
        var d = new List<string>();
        Compare(d, "name", e.Name, t.Name);
        Compare(d, "assignee", e.Assignee, t.Assignee);
        CompareList(d, "candidateUsers", e.CandidateUsers, t.CandidateUsers);
        CompareList(d, "candidateGroups", e.CandidateGroups, t.CandidateGroups);
        if (e.DueDate is { } due && t.DueDate != due)
        {
            d.Add($"dueDate expected {Date(due)}, but it is {Date(t.DueDate)}");
        }

        if (e.FollowUpDate is { } followUp && t.FollowUpDate != followUp)
        {
            d.Add($"followUpDate expected {Date(followUp)}, but it is {Date(t.FollowUpDate)}");
        }

        if (e.Priority is { } priority && t.Priority != priority)
        {
            d.Add($"priority expected {priority}, but it is {t.Priority}");
        }

        Compare(d, "formKey", e.FormKey, t.FormKey);
        CompareVariables(d, e.Variables, t.Variables);
        return d;
    }

    private static void CheckJob(JobExpectation expected, CaseView view, Action<int, string> fail)
    {
        var candidates = view.Jobs.Where(j => (expected.Type is null || j.Type == expected.Type) && (expected.Element is null || j.ElementId == expected.Element)).ToList();
        var name = expected.Type is not null ? $"of type '{expected.Type}'" : $"at {expected.Element}";
        if (candidates.Count == 0)
        {
            fail(expected.Line, $"expected a job {name}, but there is none; jobs are {CaseView.List(view.Jobs.Select(j => $"{j.Type} at {j.ElementId} ({j.State})"))}.");
            return;
        }

        var differences = candidates.Select(j =>
        {
            var d = new List<string>();
            Compare(d, "element", expected.Element, j.ElementId);
            if (expected.Retries is { } retries && j.Retries != retries)
            {
                d.Add($"retries expected {retries}, but it has {j.Retries}");
            }

            if (expected.State is { } state && !string.Equals(state, j.State.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                d.Add($"state expected {state}, but it is {char.ToLowerInvariant(j.State.ToString()[0])}{j.State.ToString()[1..]}");
            }

            foreach (var (header, value) in expected.Headers ?? new Dictionary<string, string>())
            {
                if (!j.CustomHeaders.TryGetValue(header, out var actual) || actual != value)
                {
                    d.Add($"header '{header}' expected '{value}', but it is {(actual is null ? "missing" : $"'{actual}'")}");
                }
            }

            CompareVariables(d, expected.Variables, j.Variables);
            return d;
        }).ToList();
        if (differences.TrueForAll(d => d.Count > 0))
        {
            fail(expected.Line, $"the job {name}: {string.Join("; ", differences[0])}.");
        }
    }

    private static void CompareVariables(List<string> d, JsonElement? expected, IReadOnlyDictionary<string, JsonElement> actual)
    {
        if (expected is not { } e)
        {
            return;
        }

        foreach (var property in e.EnumerateObject())
        {
            if (!actual.TryGetValue(property.Name, out var value))
            {
                d.Add($"variable '{property.Name}' expected {JsonMatch.Show(property.Value)}, but it has no such variable (it has {CaseView.List(actual.Keys.Order(StringComparer.Ordinal))})");
            }
            else if (JsonMatch.Mismatch(property.Value, value, property.Name) is { } mismatch)
            {
                d.Add("variable " + mismatch);
            }
        }
    }

    private static void Compare(List<string> d, string field, string? expected, string? actual)
    {
        if (expected is not null && expected != actual)
        {
            d.Add($"{field} expected '{expected}', but it is {(actual is null ? "not set" : $"'{actual}'")}");
        }
    }

    private static void CompareList(List<string> d, string field, IReadOnlyList<string>? expected, IReadOnlyList<string> actual)
    {
        if (expected is not null && !expected.Order(StringComparer.Ordinal).SequenceEqual(actual.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            d.Add($"{field} expected {CaseView.List(expected)}, but it is {CaseView.List(actual)}");
        }
    }

    private static string Date(DateTimeOffset? value) =>
        value is { } v ? v.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "not set";
}
