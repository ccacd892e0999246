lexer grammar MLexer;
ID: [a-z]+;
WS: [ ]+ -> skip;
