using System.Text;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Types;

/// <summary>A FEEL type as written after <c>instance of</c> or in a DMN typeRef: <c>number</c>, <c>list&lt;string&gt;</c>, <c>context&lt;a: number&gt;</c>, <c>function&lt;number&gt;-&gt;string</c>.</summary>
public sealed class FeelType : IEquatable<FeelType>
{
    private FeelType(FeelTypeKind kind, FeelType? element = null, IReadOnlyList<KeyValuePair<string, FeelType>>? entries = null, IReadOnlyList<FeelType>? parameters = null, FeelType? result = null)
    {
        Kind = kind;
        Element = element;
        Entries = entries;
        ParameterTypes = parameters;
        Result = result;
    }

    public static FeelType Any { get; } = new(FeelTypeKind.Any);

    public static FeelType Null { get; } = new(FeelTypeKind.Null);

    public static FeelType Number { get; } = new(FeelTypeKind.Number);

    public static FeelType String { get; } = new(FeelTypeKind.String);

    public static FeelType Boolean { get; } = new(FeelTypeKind.Boolean);

    public static FeelType Date { get; } = new(FeelTypeKind.Date);

    public static FeelType Time { get; } = new(FeelTypeKind.Time);

    public static FeelType DateTime { get; } = new(FeelTypeKind.DateTime);

    public static FeelType DaysTimeDuration { get; } = new(FeelTypeKind.DaysTimeDuration);

    public static FeelType YearsMonthsDuration { get; } = new(FeelTypeKind.YearsMonthsDuration);

    /// <summary>Any list (<c>list&lt;Any&gt;</c>).</summary>
    public static FeelType AnyList { get; } = new(FeelTypeKind.List, Any);

    /// <summary>Any context (<c>context&lt;&gt;</c>).</summary>
    public static FeelType AnyContext { get; } = new(FeelTypeKind.Context, entries: []);

    /// <summary>Any function.</summary>
    public static FeelType AnyFunction { get; } = new(FeelTypeKind.Function);

    public FeelTypeKind Kind { get; }

    /// <summary>The element type of a list or range type.</summary>
    public FeelType? Element { get; }

    /// <summary>The entry types of a context type (an empty list means any context).</summary>
    public IReadOnlyList<KeyValuePair<string, FeelType>>? Entries { get; }

    /// <summary>The parameter types of a function type; null means any function.</summary>
    public IReadOnlyList<FeelType>? ParameterTypes { get; }

    /// <summary>The result type of a function type.</summary>
    public FeelType? Result { get; }

    public static FeelType List(FeelType element) => new(FeelTypeKind.List, element);

    public static FeelType Range(FeelType element) => new(FeelTypeKind.Range, element);

    public static FeelType Context(IReadOnlyList<KeyValuePair<string, FeelType>> entries) => new(FeelTypeKind.Context, entries: entries);

    public static FeelType Function(IReadOnlyList<FeelType> parameters, FeelType result) => new(FeelTypeKind.Function, parameters: parameters, result: result);

    /// <summary>The type of a value (the most specific the value shows: a list's element type is Any).</summary>
    public static FeelType Of(FeelValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Kind switch
        {
            FeelValueKind.Null => Null,
            FeelValueKind.Number => Number,
            FeelValueKind.String => String,
            FeelValueKind.Boolean => Boolean,
            FeelValueKind.Date => Date,
            FeelValueKind.Time => Time,
            FeelValueKind.DateTime => DateTime,
            FeelValueKind.DaysTimeDuration => DaysTimeDuration,
            FeelValueKind.YearsMonthsDuration => YearsMonthsDuration,
            FeelValueKind.List => AnyList,
            FeelValueKind.Context => Context(((FeelContext)value).Entries.Select(e => new KeyValuePair<string, FeelType>(e.Key, Of(e.Value))).ToList()),
            FeelValueKind.Range => Range(((FeelRange)value).Start is { } s ? Of(s) : ((FeelRange)value).End is { } e ? Of(e) : Any),
            _ => AnyFunction,
        };
    }

    /// <summary>The type named by a built-in type name (<c>number</c>, <c>date and time</c>, <c>list&lt;number&gt;</c>, legacy <c>dateTime</c>...); null when not a built-in type.</summary>
    public static FeelType? Parse(string text) => FeelTypeParser.Parse(text, null);

    /// <summary>Like <see cref="Parse(string)"/>, resolving other names (DMN item definitions) through <paramref name="resolver"/>.</summary>
    public static FeelType? Parse(string text, Func<string, FeelType?>? resolver) => FeelTypeParser.Parse(text, resolver);

    /// <summary>Whether <paramref name="value"/> is an instance of this type (DMN 1.5 §10.3.2.9: null is only an instance of Null... and Any).</summary>
    public bool IsInstance(FeelValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (Kind)
        {
            case FeelTypeKind.Any:
                return !value.IsNull;
            case FeelTypeKind.Null:
                return value.IsNull;
            case FeelTypeKind.List:
                return value is FeelList list && (Element is null || Element.Kind == FeelTypeKind.Any || list.All(i => i.IsNull || Element.IsInstance(i)));
            case FeelTypeKind.Context:
                return value is FeelContext ctx && (Entries is null || Entries.All(e => ctx.TryGetValue(e.Key, out var v) && (v.IsNull || e.Value.IsInstance(v))));
            case FeelTypeKind.Range:
                return value is FeelRange range && (Element is null || Element.Kind == FeelTypeKind.Any ||
                    ((range.Start is null || Element.IsInstance(range.Start)) && (range.End is null || Element.IsInstance(range.End))));
            case FeelTypeKind.Function:
                return value is FeelFunction function && (ParameterTypes is null || function.Parameters.Count == ParameterTypes.Count);
            default:
                return (int)value.Kind == (int)Kind - 1;
        }
    }

    /// <summary>Whether every instance of this type is an instance of <paramref name="other"/> (type conformance).</summary>
    public bool ConformsTo(FeelType other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Kind == FeelTypeKind.Any || Kind == FeelTypeKind.Null)
        {
            return true;
        }

        if (Kind != other.Kind)
        {
            return false;
        }

        return Kind switch
        {
            FeelTypeKind.List or FeelTypeKind.Range => other.Element is null || (Element ?? Any).ConformsTo(other.Element),
            FeelTypeKind.Context => other.Entries is null || other.Entries.All(e => Entries?.FirstOrDefault(x => x.Key == e.Key).Value is { } mine && mine.ConformsTo(e.Value)),
            FeelTypeKind.Function => other.ParameterTypes is null || (ParameterTypes is not null && ParameterTypes.Count == other.ParameterTypes.Count &&
                ParameterTypes.Zip(other.ParameterTypes).All(p => p.Second.ConformsTo(p.First)) && (Result ?? Any).ConformsTo(other.Result ?? Any)),
            _ => true,
        };
    }

    /// <summary>
    /// The value converted to this type per DMN 1.5 §10.3.2.9.4 (a singleton list becomes its element, an element a
    /// singleton list, a date a date and time at midnight UTC); FEEL null when the value does not conform.
    /// </summary>
    public FeelValue? Coerce(FeelValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.IsNull || IsInstance(value))
        {
            return value;
        }

        if (Kind == FeelTypeKind.List && Element is not null && Element.IsInstance(value))
        {
            return FeelList.Of(value);
        }

        if (Kind != FeelTypeKind.List && value is FeelList { Count: 1 } single && IsInstance(single[0]))
        {
            return single[0];
        }

        if (Kind == FeelTypeKind.DateTime && value is FeelDate date)
        {
            return FeelDateTime.TryCreate(date, 0, TimeSpan.Zero);
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        switch (Kind)
        {
            case FeelTypeKind.List:
                return $"list<{Element ?? Any}>";
            case FeelTypeKind.Range:
                return $"range<{Element ?? Any}>";
            case FeelTypeKind.Context:
                return "context<" + string.Join(", ", (Entries ?? []).Select(e => e.Key + ": " + e.Value)) + ">";
            case FeelTypeKind.Function:
                return ParameterTypes is null ? "function" : "function<" + string.Join(", ", ParameterTypes) + ">->" + (Result ?? Any);
            default:
                return Kind switch
                {
                    FeelTypeKind.Any => "Any",
                    FeelTypeKind.Null => "Null",
                    FeelTypeKind.Number => "number",
                    FeelTypeKind.String => "string",
                    FeelTypeKind.Boolean => "boolean",
                    FeelTypeKind.Date => "date",
                    FeelTypeKind.Time => "time",
                    FeelTypeKind.DateTime => "date and time",
                    FeelTypeKind.DaysTimeDuration => "days and time duration",
                    _ => "years and months duration",
                };
        }
    }

    /// <inheritdoc />
    public bool Equals(FeelType? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FeelType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>Reads type text (DMN 1.5 grammar rule 54 <c>type</c>).</summary>
    private static class FeelTypeParser
    {
        public static FeelType? Parse(string text, Func<string, FeelType?>? resolver)
        {
            ArgumentNullException.ThrowIfNull(text);
            var position = 0;
            var type = ParseType(text, ref position, resolver);
            SkipSpace(text, ref position);
            return position == text.Length ? type : null;
        }

        private static FeelType? ParseType(string s, ref int i, Func<string, FeelType?>? resolver)
        {
            SkipSpace(s, ref i);
            if (string.CompareOrdinal(s, i, "feel:", 0, 5) == 0)
            {
                i += 5;
            }

            var name = new StringBuilder();
            while (i < s.Length && s[i] is not ('<' or '>' or ',' or ':' or ')' or '(') && !(s[i] == '-' && i + 1 < s.Length && s[i + 1] == '>'))
            {
                name.Append(s[i]);
                i++;
            }

            var word = System.Text.RegularExpressions.Regex.Replace(name.ToString().Trim(), @"\s+", " ");
            SkipSpace(s, ref i);
            switch (word)
            {
                case "list" or "range" when i < s.Length && s[i] == '<':
                    {
                        i++;
                        var element = ParseType(s, ref i, resolver);
                        SkipSpace(s, ref i);
                        if (element is null || i >= s.Length || s[i] != '>')
                        {
                            return null;
                        }

                        i++;
                        return word == "list" ? List(element) : Range(element);
                    }

                case "context" when i < s.Length && s[i] == '<':
                    {
                        i++;
                        var entries = new List<KeyValuePair<string, FeelType>>();
                        SkipSpace(s, ref i);
                        while (i < s.Length && s[i] != '>')
                        {
                            var colon = s.IndexOf(':', i);
                            if (colon < 0)
                            {
                                return null;
                            }

                            var key = s[i..colon].Trim().Trim('"');
                            i = colon + 1;
                            var entryType = ParseType(s, ref i, resolver);
                            if (entryType is null)
                            {
                                return null;
                            }

                            entries.Add(new(key, entryType));
                            SkipSpace(s, ref i);
                            if (i < s.Length && s[i] == ',')
                            {
                                i++;
                                SkipSpace(s, ref i);
                            }
                        }

                        if (i >= s.Length)
                        {
                            return null;
                        }

                        i++;
                        return Context(entries);
                    }

                case "function" when i < s.Length && s[i] == '<':
                    {
                        i++;
                        var parameters = new List<FeelType>();
                        SkipSpace(s, ref i);
                        while (i < s.Length && s[i] != '>')
                        {
                            var p = ParseType(s, ref i, resolver);
                            if (p is null)
                            {
                                return null;
                            }

                            parameters.Add(p);
                            SkipSpace(s, ref i);
                            if (i < s.Length && s[i] == ',')
                            {
                                i++;
                            }

                            SkipSpace(s, ref i);
                        }

                        if (i + 2 >= s.Length || s[i] != '>' || s[i + 1] != '-' || s[i + 2] != '>')
                        {
                            return null;
                        }

                        i += 3;
                        var result = ParseType(s, ref i, resolver);
                        return result is null ? null : Function(parameters, result);
                    }
            }

            return word switch
            {
                "Any" => Any,
                "Null" => Null,
                "number" => Number,
                "string" => String,
                "boolean" => Boolean,
                "date" => Date,
                "time" => Time,
                "date and time" or "dateTime" => DateTime,
                "days and time duration" or "dayTimeDuration" => DaysTimeDuration,
                "years and months duration" or "yearMonthDuration" => YearsMonthsDuration,
                "list" => AnyList,
                "context" => AnyContext,
                "function" => AnyFunction,
                "range" => Range(Any),
                "" => null,
                _ => resolver?.Invoke(word),
            };
        }

        private static void SkipSpace(string s, ref int i)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                i++;
            }
        }
    }
}
