using Crm.Bpm.Feel.Evaluation;
using Crm.Bpm.Feel.Numbers;
using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Functions;

/// <summary>The arguments of one built-in call, with typed accessors that turn a wrong type into a FEEL error (null plus a warning).</summary>
internal sealed class Call(FeelEvaluationContext context, string function, FeelValue[] arguments, int given, bool named = false)
{
    /// <summary>Whether the caller used named arguments.</summary>
    public bool Named { get; } = named;

    public FeelEvaluationContext Context { get; } = context;

    public FeelValue[] Arguments { get; } = arguments;

    /// <summary>How many arguments the caller actually passed.</summary>
    public int Given { get; } = given;

    public FeelValue this[int index] => index < Arguments.Length ? Arguments[index] : FeelValue.Null;

    public bool AnyNull(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (this[i].IsNull)
            {
                return true;
            }
        }

        return false;
    }

    public FeelValue Fail(string message)
    {
        Context.Warn(FeelWarningCodes.InvalidArgument, $"{function}: {message}");
        return FeelValue.Null;
    }

    public bool Number(int index, out FeelDecimal value)
    {
        if (this[index] is FeelNumber n)
        {
            value = n.Value;
            return true;
        }

        value = default;
        return false;
    }

    public bool Integer(int index, out int value)
    {
        value = 0;
        return this[index] is FeelNumber n && n.Value.TryGetInt32(out value);
    }

    /// <summary>A list position or length: TCK 1155 truncates fractions (2.5 is position 2).</summary>
    public bool Position(int index, out int value)
    {
        value = 0;
        return this[index] is FeelNumber n && n.Value.Truncate().TryGetInt32(out value);
    }

    /// <summary>A list argument; a single non-list value is a singleton list (DMN 1.5 §10.3.2.9.4).</summary>
    public FeelList? ListOrSingleton(int index) => this[index] switch
    {
        FeelList list => list,
        FeelNull => null,
        var single => FeelList.Of(single),
    };

    public bool Text(int index, out string value)
    {
        if (this[index] is FeelString s)
        {
            value = s.Value;
            return true;
        }

        value = string.Empty;
        return false;
    }

    public FeelList? List(int index) => this[index] as FeelList;

    /// <summary>The items of a function that takes either one list or several values (min, max, sum...).</summary>
    public IReadOnlyList<FeelValue> Items()
    {
        if (Given == 1 && this[0] is FeelList list)
        {
            return list;
        }

        return Arguments.Take(Given).ToArray();
    }
}
