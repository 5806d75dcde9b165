using System.Xml;

namespace Crm.Bpm.Engine.Xml;

/// <summary>XML reader settings that refuse DTDs and never resolve external resources (no XXE, no entity expansion bombs).</summary>
internal static class SecureXmlSettings
{
    public static XmlReaderSettings Create() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };
}
