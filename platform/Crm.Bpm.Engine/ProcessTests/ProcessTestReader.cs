using Crm.Bpm.Diagnostics;
using Crm.Bpm.Engine.ProcessTests.Expectations;
using Crm.Bpm.Engine.ProcessTests.Reading;
using Crm.Bpm.Engine.ProcessTests.Steps;
using Crm.Bpm.Engine.Runtime.Commands;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Crm.Bpm.Engine.ProcessTests;

/// <summary>Reads process test files (YAML, see docs/process-tests.md), reporting every mistake with its line and what to write instead.</summary>
public static class ProcessTestReader
{
    /// <summary>The step keywords, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> StepKeywords { get; } =
        ["start", "completeTask", "completeJob", "failJob", "throwError", "correlateMessage", "broadcastSignal", "advanceClock", "setVariables", "resolveIncident", "cancel"];

    private static readonly string[] FileFields = ["resources", "cases"];
    private static readonly string[] CaseFields = ["name", "clock", "start", "steps", "expect"];
    private static readonly string[] ExpectFields =
        ["state", "passed", "notPassed", "path", "passedTimes", "variables", "noVariables", "openTasks", "tasks", "openJobs", "jobs", "incidents", "waitingAt", "bufferedMessages"];

    private static readonly string[] StepExpectFields = [.. ExpectFields, "rejected", "correlations"];
    private static readonly string[] States = ["active", "completed", "terminated", "incident", "notStarted"];

    /// <summary>The clock a case starts at unless it says otherwise.</summary>
    public static DateTimeOffset DefaultClock { get; } = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Reads the file at <paramref name="path"/>; never throws for a bad or missing file.</summary>
    public static ProcessTestReadResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ProcessTestReadResult(null, [new Diagnostic(DiagnosticSeverity.Error, ProcessTestDiagnosticCodes.NotYaml, $"The file cannot be read: {ex.Message}", full)]);
        }

        return Read(text, full);
    }

    /// <summary>Reads process test YAML; <paramref name="path"/> names the file in findings and anchors relative resource paths.</summary>
    public static ProcessTestReadResult Read(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var context = new ReadContext(path);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18 fails this way when the text ends inside a flow collection ('[' or '{' never closed).
            var lines = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Length;
            context.Error(lines, 1, ProcessTestDiagnosticCodes.NotYaml,
                "This is not valid YAML: the file ends inside a '[...]' list or '{...}' mapping; close every '[' with ']' and every '{' with '}'.");
            return new ProcessTestReadResult(null, context.Diagnostics);
        }
        catch (YamlException ex)
        {
            var message = (ex.InnerException?.Message ?? ex.Message).Trim();
            if (message.StartsWith("Duplicate key", StringComparison.Ordinal))
            {
                context.Error(checked((int)ex.Start.Line), checked((int)ex.Start.Column), ProcessTestDiagnosticCodes.NotYaml,
                    $"The field '{message["Duplicate key".Length..].Trim()}' is written twice in one mapping; keep one, or start a new case or step with '- '.");
                return new ProcessTestReadResult(null, context.Diagnostics);
            }

            context.Error(checked((int)ex.Start.Line), checked((int)ex.Start.Column), ProcessTestDiagnosticCodes.NotYaml,
                $"This is not valid YAML: {message} Check the indentation (spaces, not tabs), the colons after field names, and quote text that contains ': ' or starts with a special character.");
            return new ProcessTestReadResult(null, context.Diagnostics);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            context.Error(at is null ? 1 : ReadContext.Line(at), at is null ? 1 : ReadContext.Column(at), ProcessTestDiagnosticCodes.BadValue,
                "A process test file is a mapping with 'resources' (the BPMN and DMN files) and 'cases'. Start with: resources: [my-process.bpmn]");
            return new ProcessTestReadResult(null, context.Diagnostics);
        }

        var fields = new YamlFields(root, "A process test file", FileFields, context);
        var resources = ReadResources(fields, path, context);
        var cases = new List<ProcessTestCase>();
        if (fields.Node("cases") is not { } casesNode)
        {
            fields.Missing("cases", "cases: [ { name: happy path, start: { process: my-process }, expect: { state: completed } } ]");
        }
        else if (casesNode is not YamlSequenceNode caseList)
        {
            fields.Bad(casesNode, "cases", "a list of cases, each starting with '- name:'");
        }
        else
        {
            var names = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in caseList.Children)
            {
                if (ReadCase(item, cases.Count + 1, context) is { } testCase)
                {
                    if (names.TryGetValue(testCase.Name, out var first))
                    {
                        context.Error(testCase.Line, ReadContext.Column(item), ProcessTestDiagnosticCodes.DuplicateCase,
                            $"A case named '{testCase.Name}' already exists at line {first}; give every case its own name.");
                    }
                    else
                    {
                        names[testCase.Name] = testCase.Line;
                    }

                    cases.Add(testCase);
                }
            }
        }

        return context.HasErrors
            ? new ProcessTestReadResult(null, context.Diagnostics)
            : new ProcessTestReadResult(new ProcessTestFile(path, resources, cases), context.Diagnostics);
    }

    private static List<Located<string>> ReadResources(YamlFields fields, string path, ReadContext context)
    {
        var resources = new List<Located<string>>();
        if (fields.Node("resources") is not { } node)
        {
            fields.Missing("resources", "resources: [lead-qualification.bpmn, lead-scoring.dmn]");
            return resources;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var items = node is YamlSequenceNode sequence ? sequence.Children.ToList() : [node];
        foreach (var item in items)
        {
            if (item is not YamlScalarNode { Value: { Length: > 0 } name } || YamlValues.IsNull(item))
            {
                context.Error(item, ProcessTestDiagnosticCodes.BadValue,
                    $"Each resource is a file name relative to this file, not {YamlValues.Describe(item)}. Write, for example: resources: [lead-qualification.bpmn, lead-scoring.dmn]");
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(folder, name));
            var extension = Path.GetExtension(full).ToLowerInvariant();
            if (extension is not (".bpmn" or ".dmn"))
            {
                context.Error(item, ProcessTestDiagnosticCodes.BadResource, $"The resource '{name}' is neither a .bpmn nor a .dmn file; list only BPMN processes and DMN decisions.");
            }
            else if (!File.Exists(full))
            {
                context.Error(item, ProcessTestDiagnosticCodes.BadResource, $"The resource '{name}' does not exist (looked for {full}); resources are relative to the test file.");
            }
            else
            {
                resources.Add(ReadContext.At(full, item));
            }
        }

        return resources;
    }

    private static ProcessTestCase? ReadCase(YamlNode node, int number, ReadContext context)
    {
        if (node is not YamlMappingNode mapping)
        {
            context.Error(node, ProcessTestDiagnosticCodes.BadValue, $"Case {number} must be a mapping starting with 'name:', not {YamlValues.Describe(node)}.");
            return null;
        }

        var name = mapping.Children.TryGetValue(new YamlScalarNode("name"), out var n) && n is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;
        var fields = new YamlFields(mapping, name is null ? $"Case {number}" : $"The case '{name}'", CaseFields, context);
        if (name is null)
        {
            if (fields.Node("name") is { } bad)
            {
                fields.Bad(bad, "name", "text", "name: a hot lead goes straight to sales");
            }
            else
            {
                fields.Missing("name", "name: a hot lead goes straight to sales");
            }
        }

        var clock = fields.DateTime("clock") ?? DefaultClock;
        var steps = new List<ProcessTestStep>();
        var start = fields.Node("start") is { } startNode ? ReadStart(startNode, fields.What + " start", context) : null;

        if (fields.Node("steps") is { } stepsNode)
        {
            if (stepsNode is YamlSequenceNode list)
            {
                foreach (var item in list.Children)
                {
                    if (ReadStep(item, $"{fields.What}, step {steps.Count + 1}", context) is { } step)
                    {
                        steps.Add(step);
                    }
                }
            }
            else if (!YamlValues.IsNull(stepsNode))
            {
                fields.Bad(stepsNode, "steps", "a list of steps, each starting with '- '", "steps: [ { completeTask: Task_Qualify } ]");
            }
        }

        var expect = fields.Node("expect") is { } e ? ReadExpectation(e, fields.What + " expect", ExpectFields, context) : null;
        return name is null ? null : new ProcessTestCase(name, ReadContext.Line(mapping), clock, start, steps, expect);
    }

    private static StartStep? ReadStart(YamlNode node, string what, ReadContext context)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } process } && !YamlValues.IsNull(node))
        {
            return new StartStep(process, new Dictionary<string, System.Text.Json.JsonElement>()) { Line = ReadContext.Line(node), Column = ReadContext.Column(node) };
        }

        if (node is not YamlMappingNode mapping)
        {
            context.Error(node, ProcessTestDiagnosticCodes.BadValue, $"{what} must name the process: start: {{ process: my-process, variables: {{ amount: 100 }} }}");
            return null;
        }

        var fields = new YamlFields(mapping, "start", ["process", "variables", "startAt", "version"], context);
        var id = fields.Text("process", required: true, example: "start: { process: lead-qualification }");
        var step = new StartStep(id ?? "", fields.Variables())
        {
            StartAt = fields.Text("startAt"),
            Version = fields.Integer("version", 1),
            Line = ReadContext.Line(node),
            Column = ReadContext.Column(node),
        };
        return id is null ? null : step;
    }

    private static ProcessTestStep? ReadStep(YamlNode node, string what, ReadContext context)
    {
        if (node is YamlScalarNode { Value: "cancel" })
        {
            // A bare '- cancel' is the one step that needs no details.
            return ReadCommand("cancel", new YamlScalarNode("true"), what, context)! with { Line = ReadContext.Line(node), Column = ReadContext.Column(node) };
        }

        if (node is not YamlMappingNode mapping || mapping.Children.Count == 0)
        {
            var written = node is YamlScalarNode { Value: { } text } ? text : "";
            context.Error(node, ProcessTestDiagnosticCodes.BadValue,
                $"{what} must be one command such as '- completeTask: Task_Qualify', not {YamlValues.Describe(node)}.{Suggestions.DidYouMean(written, StepKeywords)} Steps are: {string.Join(", ", StepKeywords)}.");
            return null;
        }

        var commands = mapping.Children.Where(c => c.Key is YamlScalarNode { Value: { } k } && k != "expect").ToList();
        foreach (var (key, _) in commands)
        {
            var k = ((YamlScalarNode)key).Value!;
            if (!StepKeywords.Contains(k))
            {
                context.Error(key, ProcessTestDiagnosticCodes.UnknownField,
                    $"'{k}' is not a step.{Suggestions.DidYouMean(k, StepKeywords.Append("expect"))} Steps are: {string.Join(", ", StepKeywords)}; a step may also have 'expect'.");
            }
        }

        var known = commands.Where(c => StepKeywords.Contains(((YamlScalarNode)c.Key).Value!)).ToList();
        if (known.Count > 1)
        {
            context.Error(known[1].Key, ProcessTestDiagnosticCodes.BadValue,
                $"{what} has two commands ('{((YamlScalarNode)known[0].Key).Value}' and '{((YamlScalarNode)known[1].Key).Value}'); write each as its own step starting with '- '.");
            return null;
        }

        if (known.Count == 0)
        {
            if (commands.Count == 0)
            {
                context.Error(mapping, ProcessTestDiagnosticCodes.MissingField, $"{what} has only 'expect'; add the command it follows, such as '- completeTask: Task_Qualify'.");
            }

            return null;
        }

        var (keyNode, value) = known[0];
        var keyword = ((YamlScalarNode)keyNode).Value!;
        var step = ReadCommand(keyword, value, $"{what} ({keyword})", context);
        if (step is null)
        {
            return null;
        }

        var expect = mapping.Children.TryGetValue(new YamlScalarNode("expect"), out var e) ? ReadExpectation(e, $"{what} expect", StepExpectFields, context) : null;
        return step with { Line = ReadContext.Line(keyNode), Column = ReadContext.Column(keyNode), Expect = expect };
    }

    private static ProcessTestStep? ReadCommand(string keyword, YamlNode value, string what, ReadContext context)
    {
        var scalar = value is YamlScalarNode { Value: { Length: > 0 } s } && !YamlValues.IsNull(value) ? s : null;
        var mapping = value as YamlMappingNode;
        if (keyword == "cancel")
        {
            if (YamlValues.IsNull(value) || value is YamlScalarNode { Value: "true" } || mapping is { Children.Count: 0 })
            {
                return new CancelStep();
            }

            context.Error(value, ProcessTestDiagnosticCodes.BadValue, "'cancel' takes nothing; write '- cancel'.");
            return null;
        }

        if (keyword == "start")
        {
            return ReadStart(value, what, context);
        }

        if (keyword == "advanceClock")
        {
            return YamlFields.ReadDuration(value, "advanceClock", context) is { } duration ? new AdvanceClockStep(duration, scalar!) : null;
        }

        if (mapping is null && scalar is null)
        {
            context.Error(value, ProcessTestDiagnosticCodes.BadValue, $"{what} needs its details, not {YamlValues.Describe(value)}. Write, for example: {ExampleOf(keyword)}");
            return null;
        }

        switch (keyword)
        {
            case "completeTask":
            {
                if (scalar is not null)
                {
                    return new CompleteTaskStep(scalar, new Dictionary<string, System.Text.Json.JsonElement>());
                }

                if (mapping is null)
                {
                    break;
                }

                var f = new YamlFields(mapping, keyword, ["element", "variables", "withVariables"], context);
                var element = f.Text("element", required: true, example: ExampleOf(keyword));
                var variables = f.Variables();
                var with = f.JsonObject("withVariables", "withVariables: { document: { owner: \"ben\" } }")?.Value;
                return element is null ? null : new CompleteTaskStep(element, variables) { WithVariables = with };
            }

            case "completeJob":
            {
                if (scalar is not null)
                {
                    return new CompleteJobStep(new JobSelector(scalar, null), new Dictionary<string, System.Text.Json.JsonElement>());
                }

                if (mapping is null)
                {
                    break;
                }

                var f = new YamlFields(mapping, keyword, ["type", "element", "withVariables", "variables"], context);
                var job = Job(f, keyword);
                var variables = f.Variables();
                return job is null ? null : new CompleteJobStep(job, variables);
            }

            case "failJob":
            {
                if (scalar is not null)
                {
                    return new FailJobStep(new JobSelector(scalar, null), null, null, null);
                }

                if (mapping is null)
                {
                    break;
                }

                var f = new YamlFields(mapping, keyword, ["type", "element", "withVariables", "retries", "message", "backoff"], context);
                var job = Job(f, keyword);
                var retries = f.Integer("retries", 0, "retries: 0");
                var message = f.Text("message");
                var backoff = f.Duration("backoff");
                return job is null ? null : new FailJobStep(job, retries, message, backoff);
            }

            case "throwError":
            {
                if (mapping is null)
                {
                    break;
                }

                var f = new YamlFields(mapping, keyword, ["type", "element", "withVariables", "code", "message", "variables"], context);
                var job = Job(f, keyword);
                var code = f.Text("code", required: true, example: ExampleOf(keyword));
                var message = f.Text("message");
                var variables = f.Variables();
                return job is null || code is null ? null : new ThrowErrorStep(job, code, message, variables);
            }

            case "correlateMessage":
            {
                if (scalar is not null)
                {
                    return new CorrelateMessageStep(scalar, null, new Dictionary<string, System.Text.Json.JsonElement>());
                }

                if (mapping is null)
                {
                    break;
                }

                var f = new YamlFields(mapping, keyword, ["name", "correlationKey", "variables", "timeToLive", "messageId"], context);
                var name = f.Text("name", required: true, example: ExampleOf(keyword));
                var key = f.Text("correlationKey");
                var variables = f.Variables();
                var ttl = f.Duration("timeToLive");
                var id = f.Text("messageId");
                return name is null ? null : new CorrelateMessageStep(name, key, variables) { TimeToLive = ttl, MessageId = id };
            }

            case "broadcastSignal":
            {
                if (scalar is not null)
                {
                    return new BroadcastSignalStep(scalar, new Dictionary<string, System.Text.Json.JsonElement>());
                }

                if (mapping is null)
                {
                    break;
                }

                var f = new YamlFields(mapping, keyword, ["name", "variables"], context);
                var name = f.Text("name", required: true, example: ExampleOf(keyword));
                var variables = f.Variables();
                return name is null ? null : new BroadcastSignalStep(name, variables);
            }

            case "resolveIncident":
            {
                if (scalar is not null)
                {
                    return new ResolveIncidentStep(scalar, 1);
                }

                if (mapping is null)
                {
                    break;
                }

                var f = new YamlFields(mapping, keyword, ["element", "retries"], context);
                var element = f.Text("element", required: true, example: ExampleOf(keyword));
                var retries = f.Integer("retries", 1, "retries: 3") ?? 1;
                return element is null ? null : new ResolveIncidentStep(element, retries);
            }

            case "setVariables":
            {
                if (mapping is null)
                {
                    break;
                }

                var f = new YamlFields(mapping, keyword, ["variables", "element", "local"], context);
                if (!f.Has("variables"))
                {
                    f.Missing("variables", ExampleOf(keyword));
                    return null;
                }

                var variables = f.Variables();
                var element = f.Text("element");
                var local = f.Boolean("local") ?? false;
                return new SetVariablesStep(element, local, variables);
            }
        }

        context.Error(value, ProcessTestDiagnosticCodes.BadValue, $"{what} needs a mapping of its details, not {YamlValues.Describe(value)}. Write, for example: {ExampleOf(keyword)}");
        return null;
    }

    private static JobSelector? Job(YamlFields fields, string keyword)
    {
        var type = fields.Text("type");
        var element = fields.Text("element");
        if (type is null && element is null && !fields.Has("type") && !fields.Has("element"))
        {
            fields.Missing("type", $"{ExampleOf(keyword)} (or 'element: Task_Id' to choose the job by its task)");
            return null;
        }

        var with = fields.JsonObject("withVariables", "withVariables: { contact: \"b@x.org\" }")?.Value;
        return type is null && element is null ? null : new JobSelector(type, element) { WithVariables = with };
    }

    private static string ExampleOf(string keyword) => keyword switch
    {
        "start" => "start: { process: lead-qualification, variables: { lead: { budget: 60000 } } }",
        "completeTask" => "completeTask: { element: Task_Qualify, variables: { qualified: true } }",
        "completeJob" => "completeJob: { type: \"crm:assign\", variables: { owner: \"u1\" } }",
        "failJob" => "failJob: { type: \"crm:send-email\", retries: 0, message: \"smtp down\" }",
        "throwError" => "throwError: { type: \"crm:http\", code: \"NOT_FOUND\" }",
        "correlateMessage" => "correlateMessage: { name: lead-replied, correlationKey: \"L-1\" }",
        "broadcastSignal" => "broadcastSignal: { name: campaign-stopped }",
        "resolveIncident" => "resolveIncident: { element: Gateway_1 }",
        "setVariables" => "setVariables: { variables: { amount: 100 } }",
        _ => keyword,
    };

    private static ProcessTestExpectation? ReadExpectation(YamlNode node, string what, string[] allowed, ReadContext context)
    {
        if (node is not YamlMappingNode mapping)
        {
            context.Error(node, ProcessTestDiagnosticCodes.BadValue, $"{what} must be a mapping of checks, such as expect: {{ state: completed, passed: [End_Won] }}");
            return null;
        }

        var f = new YamlFields(mapping, "expect", allowed, context);
        Located<string>? state = null;
        if (f.Node("state") is { } stateNode)
        {
            var text = f.Text(stateNode, "state");
            if (text is not null && !States.Contains(text))
            {
                context.Error(stateNode, ProcessTestDiagnosticCodes.BadValue,
                    $"'{text}' is not a state.{Suggestions.DidYouMean(text, States)} Write one of: {string.Join(", ", States)}.");
            }
            else if (text is not null)
            {
                state = ReadContext.At(text, stateNode);
            }
        }

        Located<string>? rejected = null;
        if (f.Node("rejected") is { } rejectedNode)
        {
            var codes = Enum.GetNames<CommandErrorCode>().Prepend("any").ToArray();
            var text = f.Text(rejectedNode, "rejected");
            var match = text == "true" ? "any" : codes.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
            if (text is not null && match is null)
            {
                context.Error(rejectedNode, ProcessTestDiagnosticCodes.BadValue,
                    $"'{text}' is not a refusal code.{Suggestions.DidYouMean(text, codes)} Write one of: {string.Join(", ", codes)}.");
            }
            else if (match is not null)
            {
                rejected = ReadContext.At(match, rejectedNode);
            }
        }

        return new ProcessTestExpectation
        {
            Line = ReadContext.Line(node),
            State = state,
            Passed = f.Names("passed", "passed: [Task_Qualify, End_Won]"),
            NotPassed = f.Names("notPassed", "notPassed: [End_Lost]"),
            Path = f.Names("path", "path: [Start, Task_Qualify, End_Won]"),
            PassedTimes = ReadCounts(f, context),
            Variables = f.JsonObject("variables", "variables: { grade: \"A\" }"),
            NoVariables = f.Names("noVariables", "noVariables: [tempResult]"),
            OpenTasks = f.Names("openTasks", "openTasks: [Task_Call]"),
            Tasks = ReadList(f, "tasks", context, ReadTask),
            OpenJobs = f.Names("openJobs", "openJobs: [\"crm:assign\"]"),
            Jobs = ReadList(f, "jobs", context, ReadJob),
            Incidents = ReadList(f, "incidents", context, ReadIncident),
            WaitingAt = f.Names("waitingAt", "waitingAt: [Event_LeadReplied]"),
            BufferedMessages = f.Names("bufferedMessages", "bufferedMessages: [lead-replied]"),
            Rejected = rejected,
            Correlations = f.Integer("correlations", 0, "correlations: 1") is { } c ? ReadContext.At(c, f.Node("correlations")!) : null,
        };
    }

    private static Located<IReadOnlyDictionary<string, int>>? ReadCounts(YamlFields f, ReadContext context)
    {
        if (f.Node("passedTimes") is not { } node)
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            f.Bad(node, "passedTimes", "a mapping of element ids to counts", "passedTimes: { Event_Reminder: 3 }");
            return null;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            if (value is YamlScalarNode { Value: { } text } && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0)
            {
                counts[((YamlScalarNode)key).Value ?? ""] = n;
            }
            else
            {
                context.Error(value, ProcessTestDiagnosticCodes.BadValue, $"The count for '{key}' must be a whole number, 0 or more, not {YamlValues.Describe(value)}.");
            }
        }

        return ReadContext.At<IReadOnlyDictionary<string, int>>(counts, node);
    }

    private static Located<IReadOnlyList<T>>? ReadList<T>(YamlFields f, string name, ReadContext context, Func<YamlNode, ReadContext, T?> read)
        where T : class
    {
        if (f.Node(name) is not { } node)
        {
            return null;
        }

        var items = node is YamlSequenceNode sequence ? sequence.Children.ToList() : [node];
        if (node is YamlScalarNode s && YamlValues.IsNull(s))
        {
            items = [];
        }

        var result = new List<T>();
        foreach (var item in items)
        {
            if (read(item, context) is { } value)
            {
                result.Add(value);
            }
        }

        return ReadContext.At<IReadOnlyList<T>>(result, node);
    }

    private static TaskExpectation? ReadTask(YamlNode node, ReadContext context)
    {
        if (node is not YamlMappingNode mapping)
        {
            context.Error(node, ProcessTestDiagnosticCodes.BadValue, $"Each entry of 'tasks' is a mapping such as {{ element: Task_Call, assignee: \"u1\" }}, not {YamlValues.Describe(node)}.");
            return null;
        }

        var f = new YamlFields(mapping, "A task check", ["element", "name", "assignee", "candidateUsers", "candidateGroups", "dueDate", "followUpDate", "priority", "formKey", "variables"], context);
        var element = f.Text("element", required: true, example: "{ element: Task_Call, assignee: \"u1\" }");
        var task = new TaskExpectation(element ?? "", ReadContext.Line(node))
        {
            Name = f.Text("name"),
            Assignee = f.Text("assignee"),
            CandidateUsers = f.Names("candidateUsers")?.Value,
            CandidateGroups = f.Names("candidateGroups")?.Value,
            DueDate = f.DateTime("dueDate"),
            FollowUpDate = f.DateTime("followUpDate"),
            Priority = f.Integer("priority", 0, "priority: 70"),
            FormKey = f.Text("formKey"),
            Variables = f.JsonObject("variables", "variables: { amount: 100 }")?.Value,
        };
        return element is null ? null : task;
    }

    private static JobExpectation? ReadJob(YamlNode node, ReadContext context)
    {
        if (node is not YamlMappingNode mapping)
        {
            context.Error(node, ProcessTestDiagnosticCodes.BadValue, $"Each entry of 'jobs' is a mapping such as {{ type: \"crm:assign\", retries: 3 }}, not {YamlValues.Describe(node)}.");
            return null;
        }

        var f = new YamlFields(mapping, "A job check", ["type", "element", "retries", "state", "headers", "variables"], context);
        string? state = null;
        if (f.Node("state") is { } stateNode)
        {
            string[] states = ["activatable", "failed", "errorThrown"];
            state = f.Text(stateNode, "state");
            if (state is not null && !states.Contains(state))
            {
                context.Error(stateNode, ProcessTestDiagnosticCodes.BadValue, $"'{state}' is not a job state.{Suggestions.DidYouMean(state, states)} Write one of: {string.Join(", ", states)}.");
                state = null;
            }
        }

        Dictionary<string, string>? headers = null;
        if (f.Node("headers") is { } headerNode)
        {
            if (headerNode is YamlMappingNode headerMap)
            {
                headers = headerMap.Children.ToDictionary(h => ((YamlScalarNode)h.Key).Value ?? "", h => (h.Value as YamlScalarNode)?.Value ?? "", StringComparer.Ordinal);
            }
            else
            {
                f.Bad(headerNode, "headers", "a mapping of header names to text", "headers: { team: sales }");
            }
        }

        var job = new JobExpectation(ReadContext.Line(node))
        {
            Type = f.Text("type"),
            Element = f.Text("element"),
            Retries = f.Integer("retries", 0, "retries: 3"),
            State = state,
            Headers = headers,
            Variables = f.JsonObject("variables", "variables: { amount: 100 }")?.Value,
        };
        if (job.Type is null && job.Element is null)
        {
            f.Missing("type", "{ type: \"crm:assign\" } or { element: Task_Assign }");
            return null;
        }

        return job;
    }

    private static IncidentExpectation? ReadIncident(YamlNode node, ReadContext context)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } element } && !YamlValues.IsNull(node))
        {
            return new IncidentExpectation(element, ReadContext.Line(node));
        }

        if (node is not YamlMappingNode mapping)
        {
            context.Error(node, ProcessTestDiagnosticCodes.BadValue, $"Each entry of 'incidents' is an element id or a mapping such as {{ element: Gateway_1, type: ConditionError }}, not {YamlValues.Describe(node)}.");
            return null;
        }

        var f = new YamlFields(mapping, "An incident check", ["element", "type", "message"], context);
        var id = f.Text("element", required: true, example: "{ element: Gateway_1, type: ConditionError }");
        string? type = null;
        if (f.Node("type") is { } typeNode)
        {
            var names = Enum.GetNames<Runtime.Incidents.IncidentType>();
            type = f.Text(typeNode, "type");
            if (type is not null && !names.Contains(type))
            {
                context.Error(typeNode, ProcessTestDiagnosticCodes.BadValue, $"'{type}' is not an incident type.{Suggestions.DidYouMean(type, names)} Write one of: {string.Join(", ", names)}.");
                type = null;
            }
        }

        var incident = new IncidentExpectation(id ?? "", ReadContext.Line(node)) { Type = type, MessageContains = f.Text("message") };
        return id is null ? null : incident;
    }
}
