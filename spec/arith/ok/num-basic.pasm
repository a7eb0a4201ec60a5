# add sub mul div on N registers; results print with %.15g.
    set N0, 1.5
    add N1, N0, 2.25
    say N1
    set N2, 0.1
    sub N1, N2, 0.3
    say N1
    mul N1, N0, N0
    say N1
    set N2, 10.0
    div N1, N2, 4.0
    say N1
    set N2, 1.0
    div N1, N2, 3.0
    say N1
    add N0, 0.1
    say N0
    end
