from stepwork.cli import main

main()
