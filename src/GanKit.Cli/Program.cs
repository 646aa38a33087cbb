return await GanKit.Cli.CommandLine.RunAsync(args);
