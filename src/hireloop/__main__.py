from hireloop.cli import main

main()
