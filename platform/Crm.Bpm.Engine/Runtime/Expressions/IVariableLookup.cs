using System.Text.Json;

namespace Crm.Bpm.Engine.Runtime.Expressions;

/// <summary>The variables an expression can see: the element's own scope first, then each enclosing scope up to the process instance.</summary>
public interface IVariableLookup
{
    /// <summary>Finds the nearest visible variable called <paramref name="name"/>.</summary>
    bool TryGetVariable(string name, out JsonElement value);

    /// <summary>Every visible variable once, the nearest definition of each name winning.</summary>
    IEnumerable<KeyValuePair<string, JsonElement>> VisibleVariables();
}
