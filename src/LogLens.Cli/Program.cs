using LogLens.Cli;

return LoglensCommand.Create().Parse(args).Invoke();
