#!/usr/bin/env python
from millelieux.cli import main

if __name__ == "__main__":
    main()
