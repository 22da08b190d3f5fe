import PlanCLI

PlanBook.main(PlanBook.takingRoot(Array(CommandLine.arguments.dropFirst())))
