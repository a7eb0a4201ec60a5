# jump goes to an absolute address held in an I register (here 0: the start).
    set I1, 0
    inc I0
    say I0
    ge I0, 3, DONE
    jump I1
DONE:
    end
