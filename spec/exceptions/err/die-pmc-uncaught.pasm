# An uncaught die with a String PMC reports the PMC's string as the message.
    new P0, 'String'
    set P0, "pmc message"
    die P0
    end
