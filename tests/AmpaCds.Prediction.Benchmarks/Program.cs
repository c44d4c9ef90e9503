using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/AmpaCds.Prediction.Benchmarks -- --filter '*'   (figures: docs/PREDICTION.md)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
