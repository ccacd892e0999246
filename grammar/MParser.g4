parser grammar MParser;
options { tokenVocab = MLexer; }
doc: ID* EOF;
