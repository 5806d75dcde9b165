using Crm.Bpm.Feel.Values;

namespace Crm.Bpm.Feel.Functions;

/// <summary>Context functions (DMN 1.5 §10.3.4.10): get value, get entries, context put, context merge.</summary>
internal static class ContextFunctions
{
    public static void Register(Dictionary<string, BuiltinFunction> f)
    {
        BuiltinFunctions.Add(f, "get value", ["m", "key"], GetValue);
        BuiltinFunctions.Add(f, "get entries", ["m"], GetEntries);
        BuiltinFunctions.Add(f, "context put", ["context", "key", "value"], c => c.Named && c[1] is FeelList ? c.Fail("'key' must be a string; pass a list of keys as 'keys'.") : Put(c));
        BuiltinFunctions.Add(f, "context put", ["context", "keys", "value"], c => c.Named && c[1] is FeelString ? c.Fail("'keys' must be a list of strings.") : Put(c));
        BuiltinFunctions.Add(f, "context merge", ["contexts"], Merge);
    }

    private static FeelValue GetValue(Call c)
    {
        if (c[0] is not FeelContext context)
        {
            return c.AnyNull(2) ? FeelValue.Null : c.Fail("expects a context and a key.");
        }

        return c[1] switch
        {
            FeelString key => context[key.Value],
            FeelList keys when keys.All(k => k is FeelString) => keys.Aggregate((FeelValue)context, (v, k) => v is FeelContext ctx ? ctx[((FeelString)k).Value] : FeelValue.Null),
            FeelNull => FeelValue.Null,
            _ => c.Fail("the key must be a string."),
        };
    }

    private static FeelValue GetEntries(Call c)
    {
        if (c[0] is not FeelContext context)
        {
            return c.AnyNull(1) ? FeelValue.Null : c.Fail("expects a context.");
        }

        return new FeelList(context.Entries.Select(e => (FeelValue)FeelContext.Of(("key", new FeelString(e.Key)), ("value", e.Value))));
    }

    private static FeelValue Put(Call c)
    {
        if (c[0] is not FeelContext context)
        {
            return c[0].IsNull ? FeelValue.Null : c.Fail("expects a context.");
        }

        switch (c[1])
        {
            case FeelString key:
                return context.With(key.Value, c[2]);
            case FeelList { Count: > 0 } keys when keys.All(k => k is FeelString):
                return PutPath(context, keys.Select(k => ((FeelString)k).Value).ToArray(), 0, c[2]) ?? c.Fail("a key on the path names a value that is not a context.");
            case FeelNull:
                return FeelValue.Null;
            default:
                return c.Fail("the key must be a string or a non-empty list of strings.");
        }
    }

    private static FeelContext? PutPath(FeelContext context, string[] keys, int at, FeelValue value)
    {
        if (at == keys.Length - 1)
        {
            return context.With(keys[at], value);
        }

        var inner = context.TryGetValue(keys[at], out var existing) ? existing as FeelContext : FeelContext.Empty;
        if (inner is null)
        {
            return null;
        }

        var updated = PutPath(inner, keys, at + 1, value);
        return updated is null ? null : context.With(keys[at], updated);
    }

    private static FeelValue Merge(Call c)
    {
        if (c[0] is not FeelList contexts || contexts.Any(x => x is not FeelContext))
        {
            return c.AnyNull(1) ? FeelValue.Null : c.Fail("expects a list of contexts.");
        }

        var result = FeelContext.Empty;
        foreach (FeelContext context in contexts)
        {
            foreach (var entry in context.Entries)
            {
                result = result.With(entry.Key, entry.Value);
            }
        }

        return result;
    }
}
