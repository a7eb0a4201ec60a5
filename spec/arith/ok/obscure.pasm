# covers, exsec, hav, vers (Parrot's obscure dynops), gcd, lcm and fact.
    set N1, 0.5
    covers N0, N1
    say N0
    exsec N0, N1
    say N0
    hav N0, N1
    say N0
    vers N0, N1
    say N0
    gcd I0, 12, 18
    say I0
    gcd I0, -12, 18
    say I0
    gcd I0, 0, 7
    say I0
    lcm I0, 4, 6
    say I0
    lcm I0, 0, 6
    say I0
    fact I0, 10
    say I0
    fact I0, 0
    say I0
    fact I0, -3
    say I0
    fact I0, 21
    say I0
    fact N0, 21
    say N0
    fact N0, 200
    say N0
    end
