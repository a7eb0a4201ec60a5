# Invoking a PMC that is not a sub throws; the message names the PMC's class.
    new P0, 'Integer'
    invokecc P0
    say "not reached"
    end
