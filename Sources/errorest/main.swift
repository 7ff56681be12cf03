import ErrorestCLI

ErrorestCommand.main()
