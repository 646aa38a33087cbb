return await GanKit.Notebooks.Cli.CommandLine.RunAsync(args);
