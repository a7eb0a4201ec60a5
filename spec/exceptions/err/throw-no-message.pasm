# Throwing an Exception with no message reports "No exception handler and no message".
    new P0, 'Exception'
    throw P0
    end
