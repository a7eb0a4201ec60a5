# kea: stdin=the quick brown fox\njumps over the lazy dog\nthe end\n
# String processing: read lines from stdin, split them into words, count each word in a
# Hash (kept in first-seen order), then print a report with sprintf.
    new P1, 'Hash'
    new P2, 'ResizableStringArray'     # words in first-seen order
    set I5, 0                          # total words
    getstdin P0
LINE:
    readline S0, P0
    unless S0, REPORT
    length I0, S0
    sub I0, I0, 1
    substr S1, S0, I0, 1
    ne S1, "\n", SPLIT
    substr S0, S0, 0, I0               # drop the newline
SPLIT:
    split P3, " ", S0
    elements I1, P3
    set I2, 0
WORD:
    ge I2, I1, LINE
    set S2, P3[I2]
    inc I2
    length I3, S2
    unless I3, WORD
    inc I5
    exists I4, P1[S2]
    if I4, COUNT
    push P2, S2
    set P1[S2], 0
COUNT:
    set I6, P1[S2]
    inc I6
    set P1[S2], I6
    branch WORD
REPORT:
    new P4, 'ResizablePMCArray'
    push P4, I5
    elements I7, P2
    push P4, I7
    sprintf S3, "%d words, %d distinct\n", P4
    print S3
    set I2, 0
ROW:
    ge I2, I7, UPPER
    set S2, P2[I2]
    set I6, P1[S2]
    new P5, 'ResizablePMCArray'
    push P5, S2
    push P5, I6
    sprintf S3, "%-6s %2d\n", P5
    print S3
    inc I2
    branch ROW
UPPER:
    join S4, "-", P2
    upcase S4, S4
    say S4
    end
