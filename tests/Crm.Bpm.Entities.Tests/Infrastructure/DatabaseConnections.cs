using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Crm.Bpm.Entities.Tests.Infrastructure;

/// <summary>Opens a context's connection for tests that work below EF Core.</summary>
public static class DatabaseConnections
{
    public static DbConnection GetDbConnectionOpened(this DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        database.OpenConnection();
        return database.GetDbConnection();
    }
}
