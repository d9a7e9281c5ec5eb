{{! 受理案件通知书 — sent to the plaintiff when the case is filed (民事诉讼法 立案). Fields: docs/templates.md }}{{court_name}}
受理案件通知书
{{case_number}}
{{#plaintiffs}}{{name}}：
{{/plaintiffs}}　　你（单位）起诉{{defendant_names}}{{cause_name}}一案的起诉状已收到。经审查，起诉符合法定受理条件，依照《中华人民共和国民事诉讼法》第{{cpl_filing_article}}条的规定，本院决定立案审理。现将有关事项通知如下：
　　一、本案由本院依法适用{{procedure}}审理。
　　二、应在接到本通知书次日起七日内预交案件受理费；期满未预交又未提出缓交、减交、免交申请的，按撤诉处理（《诉讼费用交纳办法》第二十二条）。
　　三、当事人在诉讼中有权委托诉讼代理人，申请回避，收集、提供证据，进行辩论，请求调解，提起上诉，申请执行；同时应当遵守诉讼秩序，履行诉讼义务。
　　四、如需委托代理人代为诉讼，应向本院提交由委托人签名或者盖章的授权委托书，授权委托书须记明委托事项和权限。
　　特此通知。
{{court_name}}
{{issue_date}}
（院印）
