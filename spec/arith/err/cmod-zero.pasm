# cmod by zero throws "Divide by zero" (type 29), unlike mod, which gives the dividend.
    mod I0, 7, 0
    say I0
    set I1, 0
    cmod I0, 7, I1
    say "not reached"
    end
