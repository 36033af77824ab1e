from sanctions.cli import main

main()
