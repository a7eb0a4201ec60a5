# push_eh takes an ExceptionHandler before it has an address; the address it has when an
# exception reaches it is where it resumes, so set_addr may come after push_eh.
.pcc_sub :main main:
    new P0, 'ExceptionHandler'
    push_eh P0
    print "pushed\n"
    pop_eh
    new P1, 'ExceptionHandler'
    push_eh P1
    set_addr P1, caught
    die "caught later"
    print "not reached\n"
    end
caught:
    get_results "0", P2
    pop_eh
    set S0, P2
    print S0
    print "\n"
    end
