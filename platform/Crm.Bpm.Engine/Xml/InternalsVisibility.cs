using System.Runtime.CompilerServices;

// The XML scanner is internal to the parser; its own tests exercise it directly.
[assembly: InternalsVisibleTo("Crm.Bpm.Engine.Tests")]
