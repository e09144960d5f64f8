#if !NET9_0_OR_GREATER
// The library targets net8.0 and net10.0. What .NET 9+ has and .NET 8 lacks is stood in for in this folder, each
// file compiled for net8.0 only, so the net10.0 build (the one the tests and benchmarks measure) is the code as
// written. System.Text.Json's newer attributes come from the System.Text.Json package instead (LogLens.csproj).
global using LogLens.Polyfills;
#endif
