namespace Crm.Bpm.Entities.Tests.Infrastructure;

/// <summary>Marks a test class that runs on PostgreSQL.</summary>
public interface IPostgreSqlTests;
