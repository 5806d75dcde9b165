using System.Runtime.CompilerServices;

// The store's own tests check the plans of its statements (e.g. that the time-to-live delete uses its partial index).
[assembly: InternalsVisibleTo("Crm.Bpm.Persistence.Tests")]
