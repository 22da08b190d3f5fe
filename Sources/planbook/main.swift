import PlanCLI

PlanBook.main()
