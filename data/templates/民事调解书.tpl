{{! 民事调解书 head and tail: the agreement itself is written by the judge between the two parts. }}{{court_name}}
民事调解书
{{case_number}}
{{#parties}}{{role}}：{{name}}{{particulars}}。
{{?legal_representative}}法定代表人：{{legal_representative}}。
{{/legal_representative}}{{?agents}}委托诉讼代理人：{{agents}}。
{{/agents}}{{/parties}}　　原告{{plaintiff_names}}与被告{{defendant_names}}{{cause_name}}一案，本院于{{filed_date}}立案后，依法适用{{procedure}}进行了审理。
　　本案审理过程中，经本院主持调解，双方当事人自愿达成如下协议：
{{?agreement}}{{agreement}}
{{/agreement}}　　上述协议，不违反法律规定，本院予以确认。
　　本调解书经双方当事人签收后，即具有法律效力。
{{#panel}}{{role}}　{{name}}
{{/panel}}{{closed_date}}
本件与原本核对无异
书记员　{{clerk}}
