// GanKit for notebooks. A setup cell's `#load "gankit.csx"` references GanKit's Release build, beside which the build
// put the torch it chose (the official TorchSharp package with its libtorch, or our binding GanKit.Torch), and opens
// GanKit's notebook-facing namespaces in every later cell.
// Only `global using` lines reach the cells after a #load; plain `using` lines would stay in this file
// (measured in the .NET Interactive C# kernel that Polyglot, Jupyter, dotnet-repl and gankit-nb all run).
// Build first: dotnet build Notebooks.sln -c Release
#r "../src/GanKit/bin/Release/net8.0/GanKit.dll"

global using GanKit.Checkpoints;
global using GanKit.Data;
global using GanKit.Data.Images;
global using GanKit.Display.Charts;
global using GanKit.Display.Hosting;
global using GanKit.Display.Images;
global using GanKit.Display.Progress;
global using GanKit.Display.Tables;
global using GanKit.Metrics;
global using GanKit.Metrics.Classification;
global using GanKit.Metrics.Features;
global using GanKit.Metrics.Files;
global using GanKit.Models;
global using GanKit.Reporting;
global using GanKit.Reproducibility;
global using GanKit.Tracking;
global using GanKit.Training;
global using GanKit.Training.Dcgan;
global using GanKit.Training.Keras;
global using GanKit.Training.PointGan;
global using GanKit.Training.Variants;
global using GanKit.Visualization;
