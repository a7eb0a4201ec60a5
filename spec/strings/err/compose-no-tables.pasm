# Kea has no Unicode composition tables: a string that might need composing throws, as
# Parrot built without ICU does.
    compose S0, utf8:"e\u0301"
    end
