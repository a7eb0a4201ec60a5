# .include of a file that does not exist is an assembly error.
.include 'no-such-file.pasm'
    end
