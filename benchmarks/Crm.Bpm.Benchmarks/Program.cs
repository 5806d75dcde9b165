using BenchmarkDotNet.Running;

// Runs the hot-path benchmarks: `dotnet run -c Release --project benchmarks/Crm.Bpm.Benchmarks -- --filter '*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
