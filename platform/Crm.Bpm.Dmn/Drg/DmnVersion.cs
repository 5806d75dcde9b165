namespace Crm.Bpm.Dmn.Drg;

/// <summary>The DMN specification version a file declares through its namespace.</summary>
public enum DmnVersion
{
    Dmn11,
    Dmn12,
    Dmn13,
    Dmn14,
    Dmn15,
}
